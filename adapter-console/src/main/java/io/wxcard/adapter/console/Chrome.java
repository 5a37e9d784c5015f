package io.wxcard.adapter.console;

import io.vavr.control.Option;
import io.wxcard.application.port.in.SignedInOperator;
import io.wxcard.domain.operator.OperatorAction;

/**
 * What every page's frame shows: the words in the operator's language, who is signed in, the CSRF token the page's
 * forms send back, and which section is open.
 *
 * @param csrf the session's token when signed in; the sign-in form's own token otherwise
 */
record Chrome(Messages t, Option<SignedInOperator> operator, String csrf, String section, String path) {

    String operatorName() {
        return operator.map(o -> o.operator().name().value()).getOrElse("");
    }

    String roleName() {
        return operator.map(o -> t.get("role." + o.operator().role().name().toLowerCase())).getOrElse("");
    }

    boolean signedIn() {
        return operator.isDefined();
    }

    boolean may(String action) {
        return operator.exists(o -> o.may(OperatorAction.valueOf(action)));
    }

    boolean active(String name) {
        return section.equals(name);
    }

    /** The language switch's link: back to this page in the other language. */
    String switchLanguageUrl() {
        return ConsolePaths.ROOT + "language?to=" + t.otherLanguage() + "&back=" + ConsolePaths.encode(path);
    }
}
