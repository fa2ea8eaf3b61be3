package io.convene.user;

public enum UserStatus {
    ACTIVE, DISABLED
}
