package dev.weft.js.module.webcrypto;

/**
 * A WebCrypto failure with its DOMException-style name ({@code OperationError},
 * {@code InvalidAccessError}, ...): the JS half rejects the operation's promise with an error
 * object carrying this name and message, as k6 does. Thrown on the VU's thread.
 */
public final class WebCryptoException extends RuntimeException {
    private final String name;

    public WebCryptoException(String name, String message) {
        super(message);
        this.name = name;
    }

    public WebCryptoException(String name, String message, Throwable cause) {
        super(message, cause);
        this.name = name;
    }

    /** The error's name as scripts read it from {@code err.name}. */
    public String errorName() {
        return name;
    }

    static WebCryptoException syntax(String message) {
        return new WebCryptoException("SyntaxError", message);
    }

    static WebCryptoException operation(String message) {
        return new WebCryptoException("OperationError", message);
    }

    static WebCryptoException invalidAccess(String message) {
        return new WebCryptoException("InvalidAccessError", message);
    }

    static WebCryptoException notSupported(String message) {
        return new WebCryptoException("NotSupportedError", message);
    }

    static WebCryptoException data(String message) {
        return new WebCryptoException("DataError", message);
    }
}
