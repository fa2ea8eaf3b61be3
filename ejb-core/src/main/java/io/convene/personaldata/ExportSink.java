package io.convene.personaldata;

import jakarta.json.JsonArray;
import java.io.IOException;
import java.io.InputStream;

/** Where a keeper writes a person's export: one JSON file per kind of record, and the person's files. */
public interface ExportSink {

    /** One kind of record: {@code name}.json with these rows; {@code meaning} says on the export's index what they are. */
    void section(String name, String meaning, JsonArray rows) throws IOException;

    /** A file of the person's at this path in the export; the sink reads the content to its end, the caller closes it. */
    void file(String path, InputStream content) throws IOException;
}
