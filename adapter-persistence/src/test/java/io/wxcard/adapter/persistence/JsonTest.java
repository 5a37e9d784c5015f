package io.wxcard.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** String maps are stored as Jackson writes a sorted map (as they were before), and read back as they were. */
class JsonTest {

    private static final ObjectMapper JACKSON = new ObjectMapper();

    private static String jackson(Map<String, String> map) throws Exception {
        return JACKSON.writeValueAsString(new TreeMap<>(map));
    }

    @Test
    void writes_a_map_of_strings_as_jackson_does() throws Exception {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("sequence", "42");
        map.put("card_id", "card1");
        map.put("quote\"back\\slash", "tab\there\nnew line\r\f\b\u0000\u001f\u007f");
        map.put("喜欢的茶", "龙井 😀 \u2028 </script>");
        map.put("", "");

        assertThat(Json.write(map)).isEqualTo(jackson(map));
        assertThat(Json.readStrings(Json.write(map))).isEqualTo(map);
        assertThat(Json.write(Map.of())).isEqualTo("{}").isEqualTo(jackson(Map.of()));
        assertThat(Json.readStrings("{}")).isEmpty();
    }

    @Test
    void writes_every_character_as_jackson_does() throws Exception {
        Random random = new Random(7);
        for (int round = 0; round < 200; round++) {
            Map<String, String> map = new HashMap<>();
            for (int field = 0; field < 4; field++) {
                map.put(text(random), text(random));
            }
            assertThat(Json.write(map)).isEqualTo(jackson(map));
            assertThat(Json.readStrings(Json.write(map))).isEqualTo(map);
        }
        StringBuilder everyLowChar = new StringBuilder();
        for (char c = 0; c < 0x100; c++) {
            everyLowChar.append(c);
        }
        Map<String, String> low = Map.of("k", everyLowChar.toString());
        assertThat(Json.write(low)).isEqualTo(jackson(low));
    }

    private static String text(Random random) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(12);
        for (int i = 0; i < length; i++) {
            text.append(switch (random.nextInt(4)) {
                case 0 -> (char) random.nextInt(0x80);
                case 1 -> (char) (0x4e00 + random.nextInt(0x5000));
                case 2 -> "\"\\\n\u0001".charAt(random.nextInt(4));
                default -> (char) ('a' + random.nextInt(26));
            });
        }
        return text.toString();
    }
}
