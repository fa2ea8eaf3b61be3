package io.convene.notification;

/** The groups of notices a user may turn off per channel. */
public enum Topic { REMINDERS, CHANGES, CHAT_MENTIONS }
