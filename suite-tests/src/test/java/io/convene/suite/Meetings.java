package io.convene.suite;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Meeting drafts for tests, each in a slot of its own so that tests never clash by accident. */
final class Meetings {

    static final String HOST = "hana@convene.example";
    static final String ADMIN = "ada@convene.example";
    static final String PARTICIPANT = "pablo@convene.example";
    static final String COMPLIANCE = "cora@convene.example";

    private static final AtomicInteger NEXT = new AtomicInteger();
    private static final LocalDateTime BASE = LocalDateTime.now().plusDays(60).truncatedTo(ChronoUnit.DAYS).withHour(8);

    private Meetings() {
    }

    /** A one-hour slot (local times, Europe/Berlin) that no other test uses. */
    static LocalDateTime[] freshSlot() {
        LocalDateTime start = BASE.plusHours(3L * NEXT.getAndIncrement());
        return new LocalDateTime[] {start, start.plusHours(1)};
    }

    static Map<String, Object> draft(String title) {
        LocalDateTime[] slot = freshSlot();
        Map<String, Object> draft = new HashMap<>();
        draft.put("title", title);
        draft.put("agenda", "1. Status\n2. Next steps");
        draft.put("start", slot[0].toString());
        draft.put("end", slot[1].toString());
        draft.put("timeZone", "Europe/Berlin");
        draft.put("invitees", List.of(PARTICIPANT));
        return draft;
    }

    static Map<String, Object> with(Map<String, Object> draft, Object... keyValues) {
        Map<String, Object> copy = new HashMap<>(draft);
        for (int i = 0; i < keyValues.length; i += 2) {
            copy.put((String) keyValues[i], keyValues[i + 1]);
        }
        return copy;
    }

    /** Schedules as the given token and answers the created meeting's JSON. */
    static Reply schedule(String token, Map<String, Object> draft) {
        Reply r = ConveneSuite.api().post("/api/meetings/schedule", token, draft);
        if (r.status() != 201) {
            throw new AssertionError("Scheduling failed: " + r);
        }
        return r;
    }

    /** A live meeting with the host, the participant (invited) and the compliance officer (by code) in it. */
    record Gathering(String id, String code, String hostP, String pabloP, String coraP, Reply meeting) {
    }

    static Gathering gather(String host, String pablo, String cora, Map<String, Object> draft) {
        Reply m = schedule(host, with(draft, "settings", Map.of("joinBeforeHost", true)));
        String id = m.text("id");
        String hostP = ConveneSuite.api().post("/api/meetings/" + id + "/join", host, Map.of()).text("participationId");
        String pabloP = ConveneSuite.api().post("/api/meetings/" + id + "/join", pablo, Map.of()).text("participationId");
        String coraP = ConveneSuite.api().post("/api/meetings/" + m.text("code") + "/join", cora, Map.of())
                .text("participationId");
        return new Gathering(id, m.text("code"), hostP, pabloP, coraP, m);
    }
}
