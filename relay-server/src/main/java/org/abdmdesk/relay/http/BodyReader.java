package org.abdmdesk.relay.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

/** Reads a request body up to a cap (413 as soon as it is exceeded) and checks it is one JSON value (400). */
final class BodyReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private BodyReader() {
    }

    static byte[] read(Request request, int limit) {
        long declared = request.getLength();
        if (declared > limit) {
            throw new RelayException(413, "too_large");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(declared > 0 ? (int) declared : 1024);
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = Content.Source.asInputStream(request)) {
            int n;
            while ((n = in.read(buffer)) != -1) {
                if (out.size() + n > limit) {
                    throw new RelayException(413, "too_large");
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new RelayException(408, "body_unreadable");
        }
        return out.toByteArray();
    }

    /** Refuses anything that is not exactly one well-formed JSON object or array. */
    static void requireJson(byte[] body) {
        try (JsonParser parser = JSON.getFactory().createParser(body)) {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_OBJECT && first != JsonToken.START_ARRAY) {
                throw new RelayException(400, "not_json");
            }
            parser.skipChildren();
            if (parser.nextToken() != null) {
                throw new RelayException(400, "not_json");
            }
        } catch (IOException e) {
            throw new RelayException(400, "not_json");
        }
    }
}
