package io.convene.chat;

import java.util.List;

/** Messages oldest first; {@code before} fetches the page before this one (null: none). */
public record ChatPage(List<ChatMessageView> items, Long before) {
}
