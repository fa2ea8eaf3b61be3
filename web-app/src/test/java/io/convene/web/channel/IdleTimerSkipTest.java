package io.convene.web.channel;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Extension;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.Session;
import jakarta.websocket.WebSocketContainer;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class IdleTimerSkipTest {

    private final ScheduledThreadPoolExecutor payaras = new ScheduledThreadPoolExecutor(1);

    @AfterEach
    void stop() {
        payaras.shutdownNow();
    }

    @Test
    void theIdleTimerOfASocketWithoutTimeoutIsNotScheduled() {
        TyrusLikeSession session = new TyrusLikeSession(payaras);

        assertThat(IdleTimerSkip.install(session)).isTrue();
        session.frameWritten();
        session.frameWritten();

        assertThat(payaras.getTaskCount()).isZero();
    }

    @Test
    void aTimeoutSetLaterIsKeptAndEverythingElseStillRuns() throws Exception {
        TyrusLikeSession session = new TyrusLikeSession(payaras);
        IdleTimerSkip.install(session);

        session.setMaxIdleTimeout(60_000);
        session.frameWritten();
        assertThat(payaras.getQueue()).hasSize(1); // the idle timer, a minute ahead

        session.setMaxIdleTimeout(0);
        AtomicBoolean ran = new AtomicBoolean();
        session.service.schedule(() -> ran.set(true), 0, TimeUnit.MILLISECONDS).get(5, TimeUnit.SECONDS); // a heartbeat, say
        assertThat(ran).isTrue();
    }

    @Test
    void installingTwiceWrapsOnce() {
        TyrusLikeSession session = new TyrusLikeSession(payaras);
        IdleTimerSkip.install(session);
        ScheduledExecutorService first = session.service;

        assertThat(IdleTimerSkip.install(session)).isTrue();
        assertThat(session.service).isSameAs(first);
    }

    @Test
    void aSessionOfAnotherImplementationIsLeftAsItIs() {
        assertThat(IdleTimerSkip.install(new OtherSession())).isFalse();
    }

    /** Shaped as Tyrus's session is where it matters: a "service" scheduler and an $IdleTimeoutCommand per frame. */
    static class TyrusLikeSession extends OtherSession {
        private ScheduledExecutorService service;
        private long maxIdleTimeout;

        TyrusLikeSession(ScheduledExecutorService service) {
            this.service = service;
        }

        /** What Tyrus does on every send: re-arm the idle timer. */
        void frameWritten() {
            service.schedule(new IdleTimeoutCommand(), maxIdleTimeout, TimeUnit.MILLISECONDS);
        }

        @Override
        public long getMaxIdleTimeout() {
            return maxIdleTimeout;
        }

        @Override
        public void setMaxIdleTimeout(long milliseconds) {
            maxIdleTimeout = milliseconds;
        }

        private static final class IdleTimeoutCommand implements Runnable {
            @Override
            public void run() {
            }
        }
    }

    /** A session with nothing but what the tests call. */
    static class OtherSession implements Session {
        @Override public WebSocketContainer getContainer() { throw new UnsupportedOperationException(); }
        @Override public void addMessageHandler(MessageHandler handler) { throw new UnsupportedOperationException(); }
        @Override public <T> void addMessageHandler(Class<T> c, MessageHandler.Whole<T> h) { throw new UnsupportedOperationException(); }
        @Override public <T> void addMessageHandler(Class<T> c, MessageHandler.Partial<T> h) { throw new UnsupportedOperationException(); }
        @Override public Set<MessageHandler> getMessageHandlers() { throw new UnsupportedOperationException(); }
        @Override public void removeMessageHandler(MessageHandler handler) { throw new UnsupportedOperationException(); }
        @Override public String getProtocolVersion() { throw new UnsupportedOperationException(); }
        @Override public String getNegotiatedSubprotocol() { throw new UnsupportedOperationException(); }
        @Override public List<Extension> getNegotiatedExtensions() { throw new UnsupportedOperationException(); }
        @Override public boolean isSecure() { return false; }
        @Override public boolean isOpen() { return true; }
        @Override public long getMaxIdleTimeout() { return 0; }
        @Override public void setMaxIdleTimeout(long milliseconds) { }
        @Override public void setMaxBinaryMessageBufferSize(int length) { }
        @Override public int getMaxBinaryMessageBufferSize() { return 0; }
        @Override public void setMaxTextMessageBufferSize(int length) { }
        @Override public int getMaxTextMessageBufferSize() { return 0; }
        @Override public RemoteEndpoint.Async getAsyncRemote() { throw new UnsupportedOperationException(); }
        @Override public RemoteEndpoint.Basic getBasicRemote() { throw new UnsupportedOperationException(); }
        @Override public String getId() { return "test"; }
        @Override public void close() { }
        @Override public void close(CloseReason reason) { }
        @Override public URI getRequestURI() { throw new UnsupportedOperationException(); }
        @Override public Map<String, List<String>> getRequestParameterMap() { return Map.of(); }
        @Override public String getQueryString() { return null; }
        @Override public Map<String, String> getPathParameters() { return Map.of(); }
        @Override public Map<String, Object> getUserProperties() { return Map.of(); }
        @Override public Principal getUserPrincipal() { return null; }
        @Override public Set<Session> getOpenSessions() { return Set.of(); }
    }
}
