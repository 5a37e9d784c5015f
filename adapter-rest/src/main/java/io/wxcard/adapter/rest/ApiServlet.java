package io.wxcard.adapter.rest;

import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.Servlet;
import java.util.Objects;

/**
 * The {@code /v1} API as a servlet for another web server (see {@link RestApi#servlet}), with what its registration
 * needs: asynchronous support, and this multipart configuration for card pictures.
 */
public record ApiServlet(Servlet servlet, MultipartConfigElement multipartConfig) {

    public ApiServlet {
        Objects.requireNonNull(servlet, "servlet");
        Objects.requireNonNull(multipartConfig, "multipart configuration");
    }
}
