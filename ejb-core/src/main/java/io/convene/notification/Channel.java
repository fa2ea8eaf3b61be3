package io.convene.notification;

/** Where a notice reaches a person. */
public enum Channel { IN_APP, EMAIL, SLACK }
