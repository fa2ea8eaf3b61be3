package io.convene.privacy;

import io.convene.personaldata.Erasure;
import io.convene.personaldata.ExportSink;
import io.convene.personaldata.PersonalDataKeeper;
import io.convene.personaldata.RetentionRun;
import io.convene.shared.Jsons;
import io.convene.storage.InMemoryBlobStore;
import jakarta.json.JsonArrayBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * A context's personal data in memory, one kind of record ("chat-messages"): texts people wrote, when,
 * and the stored file each may have. It answers exports, erasures and retention for its records as a
 * real keeper does for its tables, and writes each call into a shared log, so the order of the calls shows.
 */
final class InMemoryKeeper implements PersonalDataKeeper {

    record Item(UUID author, String text, Instant at, String blobKey) {
    }

    /** Something that happens while this keeper writes an export (another request, meanwhile). */
    interface Meanwhile {
        void happen() throws IOException;
    }

    private final int order;
    private final String kind;
    private final Function<RetentionRun.Ages, Integer> age;
    private final InMemoryBlobStore blobs;
    private final List<String> calls;
    private final List<Item> items = new ArrayList<>();
    private Meanwhile duringExport = () -> { };

    /** @param age the policy's age for this kind of record */
    InMemoryKeeper(int order, String kind, Function<RetentionRun.Ages, Integer> age, InMemoryBlobStore blobs, List<String> calls) {
        this.order = order;
        this.kind = kind;
        this.age = age;
        this.blobs = blobs;
        this.calls = calls;
    }

    void add(UUID author, String text, Instant at) {
        items.add(new Item(author, text, at, null));
    }

    /** A record with a file, stored in the blob store under {@code blobKey}. */
    void addWithFile(UUID author, String text, Instant at, String blobKey) {
        blobs.keep(blobKey, "the file " + text);
        items.add(new Item(author, text, at, blobKey));
    }

    void whileExporting(Meanwhile meanwhile) {
        duringExport = meanwhile;
    }

    List<Item> items() {
        return List.copyOf(items);
    }

    List<String> textsOf(UUID author) {
        return items.stream().filter(i -> i.author().equals(author)).map(Item::text).toList();
    }

    @Override
    public int order() {
        return order;
    }

    @Override
    public void export(UUID personId, ExportSink out) throws IOException {
        calls.add(kind + " export");
        duringExport.happen();
        JsonArrayBuilder rows = Jsons.createArrayBuilder();
        List<Item> theirs = items.stream().filter(i -> i.author().equals(personId)).toList();
        theirs.forEach(i -> rows.add(Jsons.createObjectBuilder().add("text", i.text()).add("at", i.at().toString())));
        out.section(kind, "The " + kind + " you wrote", rows.build());
        for (Item i : theirs) {
            if (i.blobKey() != null) {
                try (InputStream in = blobs.open(i.blobKey())) {
                    out.file(kind + "/" + i.blobKey(), in);
                }
            }
        }
    }

    @Override
    public void collect(Erasure erasure) {
        calls.add(kind + " collect");
        textsOf(erasure.person().id()).forEach(t -> erasure.replaceInLogs(t, ""));
    }

    @Override
    public void erase(Erasure erasure) {
        calls.add(kind + " erase");
        List<Item> theirs = items.stream().filter(i -> i.author().equals(erasure.person().id())).toList();
        items.removeAll(theirs);
        erasure.erased(kind, theirs.size());
        theirs.stream().filter(i -> i.blobKey() != null).forEach(i -> erasure.deleteFileAfterwards(i.blobKey()));
    }

    @Override
    public void purge(RetentionRun run) {
        calls.add(kind + (run.purging() ? " purge" : " count"));
        Instant before = run.before(age.apply(run.ages()));
        if (before == null) {
            return; // kept for ever
        }
        List<Item> old = items.stream().filter(i -> i.at().isBefore(before)).toList();
        run.counted(kind, old.size());
        if (run.purging()) {
            items.removeAll(old);
            old.stream().filter(i -> i.blobKey() != null).forEach(i -> run.deleteFileAfterwards(i.blobKey()));
        }
    }
}
