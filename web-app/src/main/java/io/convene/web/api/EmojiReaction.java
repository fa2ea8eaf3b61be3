package io.convene.web.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/** An emoji reaction as clients send it, for chat messages and for the meeting. */
public record EmojiReaction(@NotBlank @Pattern(regexp = EmojiReaction.EMOJI, message = "must be an emoji") String emoji) {

    /** Up to 16 characters, none of them a letter, digit, space or markup character. */
    public static final String EMOJI = "[^\\sA-Za-z0-9<>&\"'`]{1,16}";
}
