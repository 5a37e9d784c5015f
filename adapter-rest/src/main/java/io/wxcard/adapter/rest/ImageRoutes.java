package io.wxcard.adapter.rest;

import static io.swagger.v3.oas.models.PathItem.HttpMethod.POST;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.wxcard.application.port.in.UploadCardImageUseCase;
import io.wxcard.application.port.in.UploadCardImageUseCase.UploadCardImageCommand;
import io.wxcard.domain.card.image.CardImage;
import io.wxcard.domain.card.image.WechatImageUrl;
import io.wxcard.domain.shared.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * {@code POST /v1/images}: a card logo or background, uploaded to WeChat ({@code media/uploadimg}); the answer's
 * {@code url} is what {@code logo_url} / {@code background_pic_url} take. The multipart part is named {@code buffer},
 * as WeChat names it.
 */
final class ImageRoutes {

    private static final String TAG = "images";
    static final String MULTIPART = "multipart/form-data";
    static final String FIELD = "buffer";
    /** The largest body taken: WeChat's 1 MB picture and room for the multipart framing. */
    static final long MAX_UPLOAD_BYTES = CardImage.MAX_BYTES + 64 * 1024;

    /** @param url the picture on WeChat's CDN, for the card's logo_url or background_pic_url */
    record ImageResource(@Schema(description = "The picture on WeChat (mmbiz.qpic.cn): put it in logo_url or "
            + "background_pic_url.") String url) {}

    private final UploadCardImageUseCase images;

    ImageRoutes(UploadCardImageUseCase images) {
        this.images = images;
    }

    void register(Javalin app, ApiDocs docs) {
        app.post("/v1/images", this::upload, Access.API_KEY);
        docs.operation(POST, "/v1/images", "uploadCardImage", "Upload a card logo or background to WeChat", TAG,
                        413, 415, 422, 502, 503)
                .description("WeChat shows card pictures only from its own CDN and refuses card definitions whose "
                        + "logo_url or background_pic_url is on another host (40141), so upload each picture here "
                        + "first and use the url answered. The body is multipart/form-data with one file part named "
                        + FIELD + ": JPG or PNG (told by its first bytes), at most " + CardImage.MAX_BYTES
                        + " bytes. Another type, an empty file or a larger one is refused before WeChat is called "
                        + "(422 image-invalid, errors[] naming " + FIELD + "; 413 for a body past "
                        + MAX_UPLOAD_BYTES + " bytes).")
                .requestBody(new RequestBody().required(true).content(new Content().addMediaType(MULTIPART,
                        new MediaType().schema(new ObjectSchema().addRequiredItem(FIELD).addProperty(FIELD,
                                new StringSchema().format("binary").description("The picture: JPG or PNG, at most "
                                        + CardImage.MAX_BYTES + " bytes."))))))
                .getResponses().addApiResponse("201", docs.answer(ImageResource.class).description("Uploaded")
                        .addHeaderObject("Location", new Header().description("The picture's URL on WeChat.")));
    }

    private void upload(Context ctx) throws IOException {
        Params.checkContentType(ctx, List.of(MULTIPART), "this route reads");
        if (ctx.req().getContentLengthLong() > MAX_UPLOAD_BYTES) {
            ImportUpload.drain(ctx);
            throw tooLarge();
        }
        UploadedFile file;
        try {
            file = ctx.uploadedFile(FIELD);
        } catch (IllegalStateException overLimit) { // the multipart limits (RestApi) caught a body without a length
            throw tooLarge();
        }
        if (file == null) {
            throw ApiProblem.of(ProblemType.INVALID_INPUT, "send the picture as the multipart file part " + FIELD,
                    List.of(new Problem(FIELD, "is required"))).toAnswer();
        }
        byte[] picture;
        try (InputStream in = file.content()) {
            picture = in.readNBytes(CardImage.MAX_BYTES + 1); // one byte more tells "too large" from "just fits"
        }
        WechatImageUrl url = Problems.orAnswer(images.upload(new UploadCardImageCommand(Access.tenant(ctx), picture)));
        ctx.status(201).header("Location", url.value()).json(new ImageResource(url.value()));
    }

    private static ApiProblem.Answer tooLarge() {
        return ApiProblem.of(ProblemType.BODY_TOO_LARGE, "the upload is larger than " + MAX_UPLOAD_BYTES
                + " bytes; WeChat takes pictures of at most " + CardImage.MAX_BYTES + " bytes").toAnswer();
    }
}
