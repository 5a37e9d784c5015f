package io.wxcard.application.service;

import java.util.Map;

/**
 * Writes an event as the one JSON object every consumer gets (webhook body, change feed, listeners): flat fields of
 * strings and integers and one object of strings, in a fixed order. It is written here, once, when the event is
 * made, so that every delivery of an event is the same bytes; the shape is part of the contract (docs/webhooks.md).
 */
final class EventJson {

    private final StringBuilder json = new StringBuilder(256).append('{');

    EventJson text(String name, String value) {
        return value == null ? this : name(name).quoted(value);
    }

    EventJson number(String name, long value) {
        name(name).json.append(value);
        return this;
    }

    EventJson object(String name, Map<String, String> values) {
        name(name).json.append('{');
        int before = json.length();
        values.forEach((key, value) -> {
            if (json.length() > before) {
                json.append(',');
            }
            quoted(key).json.append(':');
            quoted(value);
        });
        json.append('}');
        return this;
    }

    String end() {
        return json.append('}').toString();
    }

    private EventJson name(String name) {
        if (json.length() > 1) {
            json.append(',');
        }
        return quoted(name).append(':');
    }

    private EventJson append(char c) {
        json.append(c);
        return this;
    }

    private EventJson quoted(String value) {
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
        return this;
    }
}
