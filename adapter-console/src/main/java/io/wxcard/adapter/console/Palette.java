package io.wxcard.adapter.console;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * WeChat's card colours as {@code /card/getcolors} answers them (FIDELITY.md): the name a card definition holds, and
 * the colour the member sees, for the preview.
 */
final class Palette {

    static final Map<String, String> COLOURS = colours();

    private Palette() {}

    private static Map<String, String> colours() {
        Map<String, String> colours = new LinkedHashMap<>();
        colours.put("Color010", "#63b359");
        colours.put("Color020", "#2c9f67");
        colours.put("Color030", "#509fc9");
        colours.put("Color040", "#5885cf");
        colours.put("Color050", "#9062c0");
        colours.put("Color060", "#d09a45");
        colours.put("Color070", "#e4b138");
        colours.put("Color080", "#ee903c");
        colours.put("Color081", "#f08500");
        colours.put("Color082", "#a9d92d");
        colours.put("Color090", "#dd6549");
        colours.put("Color100", "#cc463d");
        colours.put("Color101", "#cf3e36");
        colours.put("Color102", "#5e6671");
        return java.util.Collections.unmodifiableMap(colours);
    }

    /** The colour to show; WeChat's grey for a name it does not know (the form then shows the problem). */
    static String hex(String name) {
        return COLOURS.getOrDefault(name, "#5e6671");
    }
}
