package io.wxcard.sandbox;

import io.javalin.Javalin;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code /cgi-bin/media/uploadimg}: the card's logo and background pictures. WeChat takes JPG or PNG up to 1 MB in
 * the multipart field {@code buffer} and answers a URL on its image host, {@code http://mmbiz.qpic.cn/mmbiz_png/<id>/0}.
 * The sandbox answers the same form (so that the product's host rule is the production rule, with no sandbox host to
 * allow) and serves the picture under the same path on its own address: {@code GET /mmbiz_png/<id>/0}. A client that
 * wants the bytes back from the sandbox swaps the host ({@link #servedPath}).
 */
final class MediaRoutes {
    static final long MAX_BYTES = 1024 * 1024;

    private record Image(byte[] bytes, String contentType) {
    }

    private final Map<String, Image> images = new ConcurrentHashMap<>();

    void register(OaEndpoint oa, Javalin app) {
        oa.post("/cgi-bin/media/uploadimg", call -> {
            UploadedFile file = call.ctx.uploadedFile("buffer");
            if (file == null) {
                file = call.ctx.uploadedFiles().stream().findFirst().orElse(null);
            }
            if (file == null) {
                throw new WxException(41005, "media data missing: send the picture as multipart field buffer");
            }
            if (file.size() > MAX_BYTES) {
                throw new WxException(40009, "invalid image size: at most 1 MB");
            }
            byte[] bytes = read(file);
            String contentType = imageType(bytes);
            if (contentType == null) {
                throw new WxException(40005, "invalid file type: only JPG and PNG are accepted");
            }
            String id = UUID.randomUUID().toString().replace("-", "");
            images.put(id, new Image(bytes, contentType));
            return Json.object().put("url", "http://" + ImageHosts.WECHAT_IMAGE_HOST + "/" + folderOf(contentType)
                    + "/" + id + "/0");
        });
        for (String folder : new String[] {"mmbiz_png", "mmbiz_jpg"}) {
            app.get("/" + folder + "/{id}/0", ctx -> {
                Image image = images.get(ctx.pathParam("id"));
                if (image == null || !folder.equals(folderOf(image.contentType))) {
                    ctx.status(404).result("not found");
                    return;
                }
                ctx.contentType(image.contentType).result(image.bytes);
            });
        }
    }

    private static String folderOf(String contentType) {
        return "image/png".equals(contentType) ? "mmbiz_png" : "mmbiz_jpg";
    }

    /** Where the sandbox serves a picture whose WeChat URL it answered: the URL's path, on the sandbox's address. */
    static String servedPath(String wechatUrl) {
        return java.net.URI.create(wechatUrl).getRawPath();
    }

    private static byte[] read(UploadedFile file) {
        try (InputStream in = file.content()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The type by its magic bytes, not by what the client claims. */
    private static String imageType(byte[] bytes) {
        if (bytes.length > 3 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xD8 && (bytes[2] & 0xFF) == 0xFF) {
            return "image/jpeg";
        }
        if (bytes.length > 8 && (bytes[0] & 0xFF) == 0x89 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G') {
            return "image/png";
        }
        return null;
    }

    void clear() {
        images.clear();
    }

    // ---- the state file ------------------------------------------------------------------------------------------

    /** The uploaded pictures (Base64), so that card logos stay served after a restart. */
    com.fasterxml.jackson.databind.node.ArrayNode snapshot() {
        var out = Json.array();
        new java.util.TreeMap<>(images).forEach((id, image) -> out.addObject().put("id", id)
                .put("content_type", image.contentType)
                .put("base64", java.util.Base64.getEncoder().encodeToString(image.bytes)));
        return out;
    }

    void restore(com.fasterxml.jackson.databind.node.ArrayNode rows) {
        for (var row : rows) {
            byte[] bytes;
            try {
                bytes = java.util.Base64.getDecoder().decode(StateJson.text(row, "base64"));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("image " + row.get("id") + " is not valid Base64");
            }
            images.put(StateJson.text(row, "id"), new Image(bytes, StateJson.text(row, "content_type")));
        }
    }
}
