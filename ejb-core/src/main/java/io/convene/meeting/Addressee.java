package io.convene.meeting;

import java.util.UUID;

/**
 * Whom a participation reaches, read without loading it: its user's id (none for an address invited
 * without an account) and the address, the user's own or the invited one.
 */
public record Addressee(UUID participationId, UUID userId, String email) {
}
