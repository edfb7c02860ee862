package dev.weft.cloud.api;

import com.sun.net.httpserver.HttpExchange;
import dev.weft.cloud.http.ApiException;
import dev.weft.cloud.http.RequestBodies;
import dev.weft.cloud.run.TestRun;
import dev.weft.cloud.wire.CreateTestRunResponse;
import dev.weft.cloud.wire.TestRunRequest;
import dev.weft.cloud.wire.WireJson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Both sides of {@code POST /v1/tests}: reading the request, a JSON {@link TestRunRequest} or
 * k6's multipart form with the archive (fields name, project_id, vus, duration; file
 * archive.tar, whose options give the thresholds), and the answer whose {@code config} makes
 * k6 v1 stream the way this service stores (1 s periods, no traces) and print the run's page.
 * Stateless; called on request threads.
 */
final class CreateRequests {
    /** k6 waits this long for late samples of a period before it sends the period. */
    static final String AGGREGATION_WAIT = "2s";

    private CreateRequests() {
    }

    /** What the create carried: the run to make and what the service has to say about it. */
    record Read(TestRunRequest request, List<String> notes) {
    }

    static Read read(HttpExchange exchange, RequestBodies bodies) throws IOException, ApiException {
        String boundary = MultipartForm.boundary(exchange.getRequestHeaders().getFirst("Content-Type"));
        if (boundary == null) {
            TestRunRequest request = WireJson.GSON.fromJson(bodies.text(exchange), TestRunRequest.class);
            if (request == null) {
                throw new ApiException(400, "empty body; expected a JSON object");
            }
            return new Read(request, List.of());
        }
        MultipartForm form = MultipartForm.parse(bodies.raw(exchange), boundary);
        List<String> notes = new ArrayList<>();
        Map<String, List<String>> thresholds = Map.of();
        byte[] archive = form.parts().get("file");
        if (archive != null) {
            try {
                thresholds = ArchiveMetadata.thresholds(archive);
            } catch (IllegalArgumentException | com.google.gson.JsonParseException e) {
                throw new ApiException(400, "field 'file': " + e.getMessage());
            }
            notes.add("archive of " + archive.length + " bytes received; thresholds taken from its options");
        }
        String projectId = form.text("project_id");
        Long project = projectId == null || projectId.isBlank() || projectId.equals("0") ? null : number(projectId, "project_id");
        long vus = form.text("vus") == null ? 0 : number(form.text("vus"), "vus");
        long duration = form.text("duration") == null ? -1 : number(form.text("duration"), "duration");
        return new Read(new TestRunRequest(form.text("name"), project, vus, thresholds, duration), notes);
    }

    /** The create answer: reference id, k6's config override, and log lines k6 prints. */
    static CreateTestRunResponse answer(TestRun run, String baseUrl, List<String> notes) {
        String page = baseUrl + "/runs/" + run.referenceId();
        List<CreateTestRunResponse.LogEntry> logs = new ArrayList<>();
        logs.add(new CreateTestRunResponse.LogEntry("info", "Weft results service: test run " + run.referenceId()
                + " created; results at " + page));
        for (String note : notes) {
            logs.add(new CreateTestRunResponse.LogEntry("debug", note));
        }
        return new CreateTestRunResponse(run.referenceId(), new CreateTestRunResponse.ConfigOverride(baseUrl, page,
                false, "1s", AGGREGATION_WAIT, "1s", null), logs);
    }

    private static long number(String text, String field) throws ApiException {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new ApiException(400, "field '" + field + "' must be a whole number, got '" + text + "'");
        }
    }
}
