package io.convene.web.channel;

import io.convene.chat.ChatSend;
import io.convene.chat.ChatService;
import io.convene.shared.DomainException;
import io.convene.shared.InvalidInputException;
import io.convene.shared.NotFoundException;
import io.convene.shared.Jsons;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Chat messages sent on channel sockets, stored a batch at a time per meeting (group commit): while
 * one batch is being stored, what arrives meanwhile waits and goes in the next, so a busy meeting
 * takes its row lock and commits once for many messages instead of once for each. A meeting's
 * messages are stored by one task at a time on this node, in the order they arrived. Each sender
 * is answered on its socket: {@code chat.sent}, or an {@code error} naming its
 * {@code clientMessageId} (a "failed" one may be sent again with the same id: it is stored once).
 */
@ApplicationScoped
public class ChannelChat {

    private static final Logger LOG = Logger.getLogger(ChannelChat.class.getName());

    /** Messages stored in one transaction at most. */
    static final int MAX_BATCH = 200;

    /** Messages of one meeting that may wait to be stored on this node (ten batches). */
    static final int MAX_WAITING = 10 * MAX_BATCH;

    @Inject
    ChatService chat;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService executor;

    private record Waiting(ChannelHub.Subscriber from, ChatSend send) {
    }

    /** Messages waiting per meeting; a meeting is here while a task is storing its messages. */
    private final Map<UUID, ArrayDeque<Waiting>> waiting = new HashMap<>();

    /**
     * Queues a message; the meeting's storing task takes it with the others waiting. A meeting with
     * {@link #MAX_WAITING} messages waiting already is answered {@code busy}: the server is behind.
     */
    void send(ChannelHub.Subscriber from, ChatSend send) {
        Waiting message = new Waiting(from, send);
        boolean start;
        boolean busy;
        synchronized (waiting) {
            start = !waiting.containsKey(from.meetingId);
            ArrayDeque<Waiting> queue = waiting.computeIfAbsent(from.meetingId, id -> new ArrayDeque<>());
            busy = queue.size() >= MAX_WAITING;
            if (!busy) {
                queue.add(message);
            }
        }
        if (busy) {
            answer(message, error(message, "busy", "The meeting's chat is busy; send it again in a moment"));
        } else if (start) {
            try {
                executor.execute(() -> storeAll(from.meetingId));
            } catch (RuntimeException refused) { // the server is stopping
                LOG.log(Level.WARNING, "Could not start storing chat messages of meeting " + from.meetingId, refused);
                failAll(from.meetingId, List.of());
            }
        }
    }

    /**
     * Stores the meeting's waiting messages a batch at a time until none wait. Should anything
     * escape, what it held and what waits is answered {@code failed} and the meeting let go, so the
     * next message starts anew instead of waiting behind a task that is gone.
     */
    private void storeAll(UUID meetingId) {
        List<Waiting> batch = List.of();
        try {
            while (true) {
                batch = next(meetingId);
                if (batch.isEmpty()) {
                    return;
                }
                store(meetingId, batch);
                batch = List.of();
            }
        } catch (RuntimeException | Error e) {
            LOG.log(Level.SEVERE, "Storing the chat messages of meeting " + meetingId + " sent on the channel stopped", e);
            failAll(meetingId, batch);
            throw e;
        }
    }

    /** The next batch of the meeting's waiting messages; none: the meeting is let go, at once. */
    private List<Waiting> next(UUID meetingId) {
        List<Waiting> batch = new ArrayList<>();
        synchronized (waiting) {
            ArrayDeque<Waiting> queue = waiting.get(meetingId);
            while (batch.size() < MAX_BATCH && !queue.isEmpty()) {
                batch.add(queue.poll());
            }
            if (batch.isEmpty()) {
                waiting.remove(meetingId);
            }
        }
        return batch;
    }

    private void failAll(UUID meetingId, List<Waiting> held) {
        List<Waiting> unanswered = new ArrayList<>(held);
        synchronized (waiting) {
            ArrayDeque<Waiting> rest = waiting.remove(meetingId);
            if (rest != null) {
                unanswered.addAll(rest);
            }
        }
        unanswered.forEach(w -> answer(w, error(w, "failed", "That failed on the server; send it again")));
    }

    /**
     * Stores one batch. Should the batch be refused as a whole after it was judged (a mention's
     * notice that cannot be sent now), each of its messages is tried alone, so one message's trouble
     * is its own; should it fail (the database away), all are answered {@code failed}.
     */
    private void store(UUID meetingId, List<Waiting> batch) {
        List<ChatService.ChannelOutcome> outcomes;
        try {
            outcomes = chat.sendFromChannel(meetingId, batch.stream()
                    .map(w -> new ChatService.ChannelSend(w.from().participationId, w.send())).toList());
        } catch (NotFoundException e) { // the meeting itself is gone
            batch.forEach(w -> answer(w, error(w, "refused", e.getMessage())));
            return;
        } catch (DomainException e) { // one message's refusal after the store: a mention's notice, the broker away
            if (batch.size() > 1) {
                LOG.log(Level.INFO, "Storing " + batch.size() + " chat messages of meeting " + meetingId
                        + " together was refused (" + e.getMessage() + "); storing each alone");
                batch.forEach(w -> store(meetingId, List.of(w)));
            } else {
                batch.forEach(w -> answer(w, error(w, "failed", e.getMessage())));
            }
            return;
        } catch (RuntimeException e) { // the database away: each alone would only fail as slowly
            LOG.log(Level.WARNING, "Storing " + batch.size() + " chat messages of meeting " + meetingId
                    + " sent on the channel failed; their senders are told to send them again", e);
            batch.forEach(w -> answer(w, error(w, "failed", "That failed on the server; send it again")));
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            Waiting w = batch.get(i);
            ChatService.ChannelOutcome outcome = outcomes.get(i);
            answer(w, outcome.refused() != null ? error(w, outcome.refused() instanceof InvalidInputException ? "invalid"
                    : "refused", outcome.refused().getMessage())
                    : Jsons.createObjectBuilder().add("type", "chat.sent")
                    .add("clientMessageId", w.send().clientMessageId())
                    .add("messageId", outcome.sent().message().id().toString())
                    .add("position", outcome.sent().message().position())
                    .add("duplicate", outcome.sent().duplicate()).build());
        }
    }

    private static void answer(Waiting w, JsonObject answer) {
        try {
            w.from().send(answer);
        } catch (IOException | IllegalStateException gone) {
            LOG.log(Level.FINE, "Channel socket of participation " + w.from().participationId + " gone before its answer", gone);
        }
    }

    private static JsonObject error(Waiting w, String code, String message) {
        return error(w.send().clientMessageId(), code, message);
    }

    /** A chat message's error, naming it by its {@code clientMessageId} (if it had one) for its sender. */
    static JsonObject error(String clientMessageId, String code, String message) {
        JsonObjectBuilder error = Jsons.createObjectBuilder().add("type", "error").add("code", code).add("message", message);
        if (clientMessageId != null) {
            error.add("clientMessageId", clientMessageId);
        }
        return error.build();
    }
}
