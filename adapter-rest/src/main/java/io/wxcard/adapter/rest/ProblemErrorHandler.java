package io.wxcard.adapter.rest;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * Jetty's own answers (a request line it cannot parse, a URI or headers too long) as problems too, instead of its
 * HTML page, with a request id like every other answer. These never reach Javalin.
 */
final class ProblemErrorHandler extends ErrorHandler {

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        String requestId = UUID.randomUUID().toString();
        fields.put(HttpHeader.CONTENT_TYPE, "application/problem+json");
        fields.put(new HttpField(Access.REQUEST_ID, requestId));
        return ByteBuffer.wrap(Json.write(body(status, reason, requestId)));
    }

    @Override
    protected void generateAcceptableResponse(Request baseRequest, HttpServletRequest request,
                                              HttpServletResponse response, int code, String message) throws IOException {
        String requestId = response.getHeader(Access.REQUEST_ID);
        if (requestId == null) {
            requestId = UUID.randomUUID().toString();
            response.setHeader(Access.REQUEST_ID, requestId);
        }
        response.setContentType("application/problem+json");
        response.getOutputStream().write(Json.write(body(code, message, requestId)));
        baseRequest.setHandled(true);
    }

    private static Map<String, Object> body(int status, String reason, String requestId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", ProblemType.MALFORMED_HTTP.uri());
        body.put("title", ProblemType.MALFORMED_HTTP.title);
        body.put("status", status);
        body.put("detail", "the HTTP request could not be read: " + (reason == null ? HttpStatus.getMessage(status) : reason));
        body.put("request_id", requestId);
        return body;
    }
}
