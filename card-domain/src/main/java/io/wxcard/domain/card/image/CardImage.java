package io.wxcard.domain.card.image;

import io.vavr.control.Either;
import io.wxcard.domain.shared.Problem;
import io.wxcard.domain.shared.Rejection;
import io.wxcard.domain.shared.RejectionCode;
import java.util.List;

/**
 * A picture for a card, as WeChat's {@code /cgi-bin/media/uploadimg} takes it: JPG or PNG (told by the file's own
 * first bytes, not by what the sender claims), at most 1 MB. Checked before the upload, so that WeChat's 40005 /
 * 40009 never come back for a picture we could have refused ourselves.
 */
public final class CardImage {

    /** WeChat's limit: "文件大小限制1MB". */
    public static final int MAX_BYTES = 1024 * 1024;
    private static final String FIELD = "buffer";

    /** The two types WeChat takes, with the media type a picture of it is served as. */
    public enum Type {
        JPG("image/jpeg", "jpg"), PNG("image/png", "png");

        private final String mediaType;
        private final String extension;

        Type(String mediaType, String extension) {
            this.mediaType = mediaType;
            this.extension = extension;
        }

        public String mediaType() {
            return mediaType;
        }

        public String extension() {
            return extension;
        }
    }

    private final byte[] bytes;
    private final Type type;

    private CardImage(byte[] bytes, Type type) {
        this.bytes = bytes;
        this.type = type;
    }

    /** The picture, or why WeChat would not take it (the rejection names the multipart field, {@code buffer}). */
    public static Either<Rejection, CardImage> of(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            return refused("is empty: send a JPG or PNG picture");
        }
        if (bytes.length > MAX_BYTES) {
            return refused("is " + bytes.length + " bytes; WeChat takes pictures of at most " + MAX_BYTES + " bytes (1 MB)");
        }
        Type type = typeOf(bytes);
        if (type == null) {
            return refused("is neither a JPG nor a PNG picture (WeChat takes only those two)");
        }
        return Either.right(new CardImage(bytes.clone(), type));
    }

    private static Either<Rejection, CardImage> refused(String problem) {
        return Either.left(Rejection.invalid(RejectionCode.IMAGE_INVALID, "the picture " + problem,
                List.of(new Problem(FIELD, problem))));
    }

    private static Type typeOf(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
            return Type.JPG;
        }
        if (b.length >= 8 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G'
                && b[4] == 0x0D && b[5] == 0x0A && b[6] == 0x1A && b[7] == 0x0A) {
            return Type.PNG;
        }
        return null;
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    public int size() {
        return bytes.length;
    }

    public Type type() {
        return type;
    }

    /** A file name for the multipart part, from the type (WeChat reads the type from the name's extension too). */
    public String fileName() {
        return "card-image." + type.extension();
    }

    @Override
    public String toString() {
        return "CardImage[" + type + ", " + bytes.length + " bytes]";
    }
}
