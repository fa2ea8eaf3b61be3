package io.convene.integration;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;

/**
 * The ports to the calendar providers, the chat tools and the webhooks for unit tests: each call is
 * recorded; what it answers (or throws) is set by the test, in order, then the default.
 */
final class RecordingProviders implements CalendarProviders, ChatProviders, WebhookSender {

    /** One call to a provider: what was asked, the target (its secret opened) and the rest. */
    record Call(String what, Announcement.Target target, Object... args) {
    }

    final List<Call> calls = new ArrayList<>();
    final List<Announcement> announcements = new ArrayList<>();
    final List<WebhookCall> webhookCalls = new ArrayList<>();
    private final Deque<Supplier<Object>> answers = new ArrayDeque<>();
    private int copies;

    /** The next call answers this (or throws what the supplier throws). */
    RecordingProviders then(Supplier<Object> answer) {
        answers.add(answer);
        return this;
    }

    RecordingProviders thenFail(IntegrationFailedException e) {
        return then(() -> {
            throw e;
        });
    }

    @SuppressWarnings("unchecked")
    private <T> T answer(Supplier<T> otherwise) {
        return answers.isEmpty() ? otherwise.get() : (T) answers.poll().get();
    }

    @Override
    public String push(Announcement announcement, Announcement.Target target, String copyId) {
        calls.add(new Call("push", target, copyId));
        announcements.add(announcement);
        return answer(() -> announcement.event() == Announcement.Event.CANCELLED ? null
                : copyId != null ? copyId : "event-" + ++copies);
    }

    @Override
    public CalendarChanges pullChanges(Announcement.Target target, String syncToken) {
        calls.add(new Call("pull", target, syncToken));
        return answer(() -> new CalendarChanges(List.of(), syncToken == null ? "token-1" : syncToken + "+"));
    }

    @Override
    public String check(Announcement.Target target) {
        calls.add(new Call("check", target));
        return answer(() -> "ok");
    }

    @Override
    public CalendarGrant redeemConsent(Provider provider, String code, String verifier, String redirectUri) {
        throw new UnsupportedOperationException("consent is not faked");
    }

    @Override
    public void announce(Announcement announcement, Announcement.Target target) {
        calls.add(new Call("announce", target));
        announcements.add(announcement);
        answer(() -> null);
    }

    @Override
    public void slackDirectMessage(Announcement.Target slack, String email, String text) {
        calls.add(new Call("slackDirectMessage", slack, email, text));
        answer(() -> null);
    }

    @Override
    public String slackUserEmail(Announcement.Target slack, String slackUserId) {
        calls.add(new Call("slackUserEmail", slack, slackUserId));
        return answer(() -> null);
    }

    @Override
    public int call(WebhookCall call) {
        calls.add(new Call("webhook", null, call.url()));
        webhookCalls.add(call);
        return answer(() -> 204);
    }

    List<String> whats() {
        return calls.stream().map(Call::what).toList();
    }
}
