package dev.weft.output;

/** Makes one kind of output, chosen by name with {@code --out name[=argument]}. */
public interface OutputFactory {
    /** The name used with {@code --out}, e.g. {@code json}, {@code csv}, {@code cloud}. */
    String name();

    Output create(OutputParams params) throws Exception;
}
