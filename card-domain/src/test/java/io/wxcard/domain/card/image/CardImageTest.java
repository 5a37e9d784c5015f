package io.wxcard.domain.card.image;

import static org.assertj.core.api.Assertions.assertThat;

import io.wxcard.domain.shared.Rejection;
import io.wxcard.domain.shared.RejectionCode;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CardImageTest {

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    static final byte[] JPG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F'};

    @Test
    void tells_jpg_and_png_by_their_first_bytes() {
        assertThat(CardImage.of(PNG).get().type()).isEqualTo(CardImage.Type.PNG);
        assertThat(CardImage.of(JPG).get().type()).isEqualTo(CardImage.Type.JPG);
        assertThat(CardImage.of(JPG).get().fileName()).isEqualTo("card-image.jpg");
    }

    @Test
    void refuses_other_types_empty_files_and_files_over_one_megabyte_naming_the_buffer_field() {
        Rejection gif = CardImage.of("GIF89a....".getBytes()).getLeft();
        assertThat(gif.code()).isEqualTo(RejectionCode.IMAGE_INVALID);
        assertThat(gif.problems()).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("buffer");
            assertThat(p.message()).contains("neither a JPG nor a PNG");
        });
        assertThat(CardImage.of(new byte[0]).getLeft().reason()).contains("empty");

        byte[] big = Arrays.copyOf(PNG, CardImage.MAX_BYTES + 1);
        assertThat(CardImage.of(big).getLeft().reason()).contains("at most 1048576 bytes");
        assertThat(CardImage.of(Arrays.copyOf(PNG, CardImage.MAX_BYTES)).isRight()).isTrue();
    }

    @Test
    void keeps_its_own_copy_of_the_bytes() {
        byte[] bytes = PNG.clone();
        CardImage image = CardImage.of(bytes).get();
        bytes[0] = 0;
        assertThat(image.bytes()[0]).isEqualTo((byte) 0x89);
    }
}
