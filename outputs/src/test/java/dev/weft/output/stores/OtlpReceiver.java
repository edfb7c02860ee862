package dev.weft.output.stores;

import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http2.server.HTTP2CServerConnectionFactory;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

/**
 * An OTLP metrics receiver on loopback built from OpenTelemetry's proto classes (Debian's
 * Prometheus 2.42 has no OTLP receiver): HTTP/protobuf on {@code /v1/metrics} (JDK server) and
 * gRPC's unary {@code MetricsService/Export} over h2c (Jetty). It keeps every request it got;
 * since exports are cumulative, the latest request holding a metric has its totals.
 */
public final class OtlpReceiver implements AutoCloseable {
    private final List<ExportMetricsServiceRequest> requests = new CopyOnWriteArrayList<>();
    private final HttpServer http;
    private final Server grpc;
    private final ServerConnector grpcConnector;

    private OtlpReceiver(HttpServer http, Server grpc, ServerConnector grpcConnector) {
        this.http = http;
        this.grpc = grpc;
        this.grpcConnector = grpcConnector;
    }

    public static OtlpReceiver start() throws Exception {
        List<ExportMetricsServiceRequest> sink = new CopyOnWriteArrayList<>();
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        Server grpc = new Server();
        ServerConnector connector = new ServerConnector(grpc, new HTTP2CServerConnectionFactory());
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        grpc.addConnector(connector);
        OtlpReceiver r = new OtlpReceiver(http, grpc, connector);
        http.createContext("/v1/metrics", ex -> {
            try (InputStream in = "gzip".equalsIgnoreCase(ex.getRequestHeaders().getFirst("Content-Encoding"))
                    ? new GZIPInputStream(ex.getRequestBody()) : ex.getRequestBody()) {
                r.requests.add(ExportMetricsServiceRequest.parseFrom(in.readAllBytes()));
            }
            byte[] body = ExportMetricsServiceResponse.getDefaultInstance().toByteArray();
            ex.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            ex.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        grpc.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                byte[] frame = Content.Source.asInputStream(request).readAllBytes();
                ByteBuffer b = ByteBuffer.wrap(frame);
                byte compressed = b.get();
                int length = b.getInt();
                byte[] message = new byte[length];
                b.get(message);
                if (compressed != 0) {
                    message = new GZIPInputStream(new java.io.ByteArrayInputStream(message)).readAllBytes();
                }
                r.requests.add(ExportMetricsServiceRequest.parseFrom(message));
                response.setStatus(200);
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/grpc");
                response.setTrailersSupplier(() -> HttpFields.build().put("grpc-status", "0"));
                response.write(true, ByteBuffer.wrap(new byte[] {0, 0, 0, 0, 0}), callback);
                return true;
            }
        });
        http.start();
        grpc.start();
        return r;
    }

    /** host:port of the OTLP/HTTP endpoint (k6's K6_OTEL_HTTP_EXPORTER_ENDPOINT form). */
    public String httpEndpoint() {
        return "127.0.0.1:" + http.getAddress().getPort();
    }

    /** host:port of the OTLP/gRPC endpoint. */
    public String grpcEndpoint() {
        return "127.0.0.1:" + grpcConnector.getLocalPort();
    }

    public List<ExportMetricsServiceRequest> requests() {
        return List.copyOf(requests);
    }

    /** The resource attributes of the latest request, as strings. */
    public Map<String, String> resource() {
        Map<String, String> out = new LinkedHashMap<>();
        if (!requests.isEmpty()) {
            for (KeyValue kv : requests.getLast().getResourceMetrics(0).getResource().getAttributesList()) {
                out.put(kv.getKey(), kv.getValue().getStringValue());
            }
        }
        return out;
    }

    /** The metric as of the latest request that holds it, or null. */
    public Metric latest(String name) {
        for (int i = requests.size() - 1; i >= 0; i--) {
            for (ResourceMetrics rm : requests.get(i).getResourceMetricsList()) {
                for (ScopeMetrics sm : rm.getScopeMetricsList()) {
                    for (Metric m : sm.getMetricsList()) {
                        if (m.getName().equals(name)) {
                            return m;
                        }
                    }
                }
            }
        }
        return null;
    }

    /** The sum over data points of a sum metric's latest values (int or double points); histograms: their counts. */
    public double total(String name) {
        Metric m = latest(name);
        if (m == null) {
            return 0;
        }
        double total = 0;
        if (m.hasHistogram()) {
            for (var p : m.getHistogram().getDataPointsList()) {
                total += p.getCount();
            }
            return total;
        }
        List<NumberDataPoint> points = m.hasSum() ? m.getSum().getDataPointsList() : m.getGauge().getDataPointsList();
        for (NumberDataPoint p : points) {
            total += p.hasAsInt() ? p.getAsInt() : p.getAsDouble();
        }
        return total;
    }

    /** Each data point's attributes of a metric's latest values. */
    public List<Map<String, String>> attributes(String name) {
        Metric m = latest(name);
        List<Map<String, String>> out = new ArrayList<>();
        if (m == null) {
            return out;
        }
        List<List<KeyValue>> lists = new ArrayList<>();
        if (m.hasHistogram()) {
            m.getHistogram().getDataPointsList().forEach(p -> lists.add(p.getAttributesList()));
        } else if (m.hasSum()) {
            m.getSum().getDataPointsList().forEach(p -> lists.add(p.getAttributesList()));
        } else {
            m.getGauge().getDataPointsList().forEach(p -> lists.add(p.getAttributesList()));
        }
        for (List<KeyValue> kvs : lists) {
            Map<String, String> map = new LinkedHashMap<>();
            kvs.forEach(kv -> map.put(kv.getKey(), kv.getValue().getStringValue()));
            out.add(map);
        }
        return out;
    }

    @Override
    public void close() throws Exception {
        http.stop(0);
        grpc.stop();
    }
}
