package dev.weft.cloud.wire;

/** The {@code type} values of a {@link WireSample} envelope. */
public final class SampleTypes {
    private SampleTypes() {
    }

    /** One value of one metric: data is a {@link PointData}. */
    public static final String POINT = "Point";
    /** Several metrics measured together (k6's http_req_li_all, iter_li_all): a {@link PointsData}. */
    public static final String POINTS = "Points";
    /** k6's per-period summary of HTTP requests: an {@link AggregatedPointsData}. */
    public static final String AGGREGATED_POINTS = "AggregatedPoints";
    /**
     * Weft's extension: one metric's per-second summary for one tag set, with a mergeable
     * histogram for trends: an {@link AggregateData}. k6 never sends it.
     */
    public static final String AGGREGATE = "WeftAggregate";
}
