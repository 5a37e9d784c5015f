package io.wxcard.adapter.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * Random JSON documents and random mutations of valid ones, from a seeded {@link Random} so that a failure can be
 * replayed. Field names are drawn mostly from the API's own (so that documents get past the first unknown field).
 */
final class RandomJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String[] STRINGS = {"", " ", "Tea", "MEMBER_CARD", "DATE_TYPE_PERMANENT", "Color010",
            "https://shop.example.com/x.png", "http://", "o_member_1", "SCENE_H5", "茶馆会员卡", "😀", "\n", "\"",
            "x".repeat(300), "-1", "1e3", "true", "null", "FORM_FIELD_RADIO", "USER_FORM_INFO_FLAG_MOBILE", "\\", "\t"};

    private final Random random;
    private final List<String> names;

    RandomJson(long seed, Class<?>... bodyTypes) {
        this.random = new Random(seed);
        Set<String> known = new TreeSet<>();
        for (Class<?> type : bodyTypes) {
            collectNames(type, known);
        }
        known.addAll(List.of("card", "member_card", "unknown_field", "", "DELTA", "card.card_type"));
        this.names = new ArrayList<>(known);
    }

    private static void collectNames(Type type, Set<String> names) {
        if (type instanceof ParameterizedType generic) {
            Arrays.stream(generic.getActualTypeArguments()).forEach(argument -> collectNames(argument, names));
        } else if (type instanceof Class<?> c && c.isRecord() && names.add(c.getName())) {
            for (RecordComponent component : c.getRecordComponents()) {
                names.add(Route.jsonName(component));
                collectNames(component.getGenericType(), names);
            }
        }
    }

    Random random() {
        return random;
    }

    /** A random document: usually an object, sometimes anything else. */
    byte[] document() {
        JsonNode node = random.nextInt(10) < 8 ? object(0) : value(0);
        return bytes(node);
    }

    /** The valid body, changed at one random place, either as a tree or as text. */
    byte[] mutate(String valid) {
        if (random.nextBoolean()) {
            return mutateText(valid.getBytes(StandardCharsets.UTF_8));
        }
        JsonNode tree = parse(valid);
        for (int changes = 1 + random.nextInt(3); changes > 0; changes--) {
            tree = mutateTree(tree);
        }
        return bytes(tree);
    }

    private JsonNode mutateTree(JsonNode root) {
        List<JsonNode> containers = new ArrayList<>();
        collectContainers(root, containers);
        JsonNode target = containers.get(random.nextInt(containers.size()));
        if (target instanceof ObjectNode object) {
            List<String> fields = new ArrayList<>();
            object.fieldNames().forEachRemaining(fields::add);
            String field = fields.isEmpty() || random.nextInt(4) == 0 ? name() : fields.get(random.nextInt(fields.size()));
            switch (random.nextInt(5)) {
                case 0 -> object.remove(field);
                case 1 -> object.putNull(field);
                case 2 -> object.set(field, value(2));
                case 3 -> object.set(field, swapType(object.get(field)));
                default -> object.set(name(), value(1));
            }
        } else if (target instanceof ArrayNode array) {
            if (array.isEmpty() || random.nextBoolean()) {
                array.add(value(2));
            } else {
                array.set(random.nextInt(array.size()), value(2));
            }
        }
        return root;
    }

    private JsonNode swapType(JsonNode node) {
        if (node == null) {
            return value(2);
        }
        if (node.isTextual()) {
            return random.nextBoolean() ? NODES.numberNode(random.nextLong()) : NODES.arrayNode().add(node);
        }
        if (node.isNumber()) {
            return random.nextBoolean() ? NODES.textNode(node.asText()) : NODES.numberNode(node.asDouble() + 0.5);
        }
        if (node.isBoolean()) {
            return NODES.numberNode(node.asBoolean() ? 1 : 0);
        }
        if (node.isObject()) {
            return NODES.arrayNode().add(node);
        }
        return NODES.objectNode();
    }

    private byte[] mutateText(byte[] valid) {
        byte[] text = valid.clone();
        int at = text.length == 0 ? 0 : random.nextInt(text.length);
        return switch (random.nextInt(6)) {
            case 0 -> Arrays.copyOf(text, at); // truncated
            case 1 -> splice(text, at, 1, new byte[0]); // a character gone
            case 2 -> splice(text, at, 0, new byte[] {(byte) "{}[]\",:0-.e\\ ".charAt(random.nextInt(13))});
            case 3 -> splice(text, at, 0, new byte[] {(byte) (0x80 + random.nextInt(0x80))}); // broken UTF-8
            case 4 -> {
                text[at] = (byte) random.nextInt(256);
                yield text;
            }
            default -> splice(text, at, 0, Arrays.copyOfRange(text, at, Math.min(text.length, at + 1 + random.nextInt(20))));
        };
    }

    private static byte[] splice(byte[] text, int at, int remove, byte[] insert) {
        int end = Math.min(text.length, at + remove);
        byte[] result = new byte[text.length - (end - at) + insert.length];
        System.arraycopy(text, 0, result, 0, at);
        System.arraycopy(insert, 0, result, at, insert.length);
        System.arraycopy(text, end, result, at + insert.length, text.length - end);
        return result;
    }

    private ObjectNode object(int depth) {
        ObjectNode object = NODES.objectNode();
        for (int i = random.nextInt(depth == 0 ? 5 : 4); i > 0; i--) {
            object.set(name(), value(depth + 1));
        }
        return object;
    }

    private JsonNode value(int depth) {
        int kind = random.nextInt(depth > 4 ? 7 : 9);
        return switch (kind) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.booleanNode(random.nextBoolean());
            case 2 -> NODES.numberNode(random.nextInt(2001) - 1000);
            case 3 -> NODES.numberNode(randomNumber());
            case 4 -> NODES.numberNode(random.nextDouble() * 1e6 - 5e5);
            case 5, 6 -> NODES.textNode(STRINGS[random.nextInt(STRINGS.length)]);
            case 7 -> {
                ArrayNode array = NODES.arrayNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    array.add(value(depth + 1));
                }
                yield array;
            }
            default -> object(depth + 1);
        };
    }

    private BigInteger randomNumber() {
        return switch (random.nextInt(4)) {
            case 0 -> BigInteger.valueOf(Long.MAX_VALUE).add(BigInteger.valueOf(random.nextInt(10)));
            case 1 -> BigInteger.valueOf(Long.MIN_VALUE).subtract(BigInteger.valueOf(random.nextInt(10)));
            case 2 -> BigInteger.valueOf(Integer.MAX_VALUE).add(BigInteger.ONE);
            default -> BigInteger.valueOf(random.nextLong());
        };
    }

    private String name() {
        return names.get(random.nextInt(names.size()));
    }

    private static void collectContainers(JsonNode node, List<JsonNode> containers) {
        if (node.isContainerNode()) {
            containers.add(node);
            Iterator<JsonNode> children = node.elements();
            children.forEachRemaining(child -> collectContainers(child, containers));
        }
    }

    private static JsonNode parse(String json) {
        try {
            return Http.JSON.readTree(json);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return Http.JSON.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
