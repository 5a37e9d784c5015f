package io.wxcard.adapter.rest;

/**
 * Where the HTTP API listens, and how large a request body may be.
 *
 * @param host           the interface to bind, for example {@code 0.0.0.0} or {@code 127.0.0.1}
 * @param port           the port; 0 picks a free one (see {@link RestApi#port()})
 * @param maxBodyBytes   the largest JSON request body accepted; a larger one is answered 413 without being parsed
 * @param maxImportBytes the largest member import ({@code POST /v1/cards/{id}/imports}); imports are streamed, never
 *                       held whole, so this bounds how much one upload may stage, not memory
 */
public record RestSettings(String host, int port, long maxBodyBytes, long maxImportBytes) {

    public static final long DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
    public static final long DEFAULT_MAX_IMPORT_BYTES = 2L * 1024 * 1024 * 1024;

    public RestSettings {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host must not be blank");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, got " + port);
        }
        if (maxBodyBytes < 1024 || maxBodyBytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("maxBodyBytes must be between 1 KiB and 2 GiB, got " + maxBodyBytes);
        }
        if (maxImportBytes < 1024 || maxImportBytes > 1L << 40) {
            throw new IllegalArgumentException("maxImportBytes must be between 1 KiB and 1 TiB, got " + maxImportBytes);
        }
    }

    /** Imports up to {@link #DEFAULT_MAX_IMPORT_BYTES} (2 GiB). */
    public RestSettings(String host, int port, long maxBodyBytes) {
        this(host, port, maxBodyBytes, DEFAULT_MAX_IMPORT_BYTES);
    }

    /** Every interface, port 8080, JSON bodies up to 1 MiB, imports up to 2 GiB. */
    public static RestSettings defaults() {
        return new RestSettings("0.0.0.0", 8080, DEFAULT_MAX_BODY_BYTES, DEFAULT_MAX_IMPORT_BYTES);
    }
}
