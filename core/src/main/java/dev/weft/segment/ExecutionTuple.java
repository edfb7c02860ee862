package dev.weft.segment;

/**
 * This instance's execution segment together with the whole sequence it belongs to (k6's
 * ExecutionTuple): what every executor asks to learn its share. {@link #scale(long)} turns a
 * test-wide number (VUs, iterations) into this instance's part, so that the parts of all
 * instances add up to the number exactly and only ever grow as the number grows; {@link
 * #forValue(long)} and {@link #globalIndex(long)} pick which iterations are this instance's.
 * Immutable; built once by the CLI and handed to {@code Scenarios}.
 */
public final class ExecutionTuple {
    /** No segmentation: one instance runs the whole test. */
    public static final ExecutionTuple WHOLE = of(ExecutionSegment.WHOLE, ExecutionSegmentSequence.NONE);

    private final StripedSequence sequence;
    private final int index;

    private ExecutionTuple(StripedSequence sequence, int index) {
        this.sequence = sequence;
        this.index = index;
    }

    /**
     * The tuple for {@code segment} (null or empty means the whole test) within {@code sequence}
     * (empty means "just this segment and the gaps around it"). Throws {@link SegmentException}
     * when the segment is not one of the sequence's segments.
     */
    public static ExecutionTuple of(ExecutionSegment segment, ExecutionSegmentSequence sequence) {
        ExecutionSegment seg = segment == null ? ExecutionSegment.WHOLE : segment;
        ExecutionSegmentSequence filled = (sequence == null ? ExecutionSegmentSequence.NONE : sequence).filled(seg);
        return new ExecutionTuple(new StripedSequence(filled), filled.indexOf(seg));
    }

    /** Parses the CLI's {@code --execution-segment} and {@code --execution-segment-sequence} values (either may be null). */
    public static ExecutionTuple parse(String segment, String sequence) {
        return of(ExecutionSegment.parse(segment), ExecutionSegmentSequence.parse(sequence));
    }

    public ExecutionSegment segment() {
        return sequence.sequence().get(index);
    }

    public StripedSequence sequence() {
        return sequence;
    }

    public int index() {
        return index;
    }

    public boolean isWhole() {
        return sequence.sequence().size() == 1;
    }

    /** This instance's share of a test-wide whole number. */
    public long scale(long value) {
        return isWhole() ? value : sequence.scale(index, value);
    }

    /** {@link #scale(long)} for int settings such as VU counts. */
    public int scale(int value) {
        return (int) scale((long) value);
    }

    public StripedSequence.StripedOffsets stripedOffsets() {
        return sequence.stripedOffsets(index);
    }

    /**
     * The tuple after re-dealing {@code value} items (usually an executor's VUs) between the
     * instances, k6's {@code GetNewExecutionTupleFromValue}; throws {@link SegmentException}
     * when this instance's share of {@code value} is nothing.
     */
    public ExecutionTuple forValue(long value) {
        StripedSequence.Resegmented r = sequence.forValue(value, index);
        return new ExecutionTuple(r.sequence(), r.index());
    }

    /** The test-wide number (from 0) of this instance's {@code local}-th item (from 0). */
    public long globalIndex(long local) {
        return isWhole() ? local : sequence.globalIndex(index, local);
    }

    @Override
    public String toString() {
        return segment() + " in " + sequence;
    }
}
