package io.wxcard.adapter.console;

import io.javalin.security.RouteRole;

/** Who may open a console route: anyone (sign-in, assets), or an operator signed in. */
enum ConsoleAccess implements RouteRole {
    ANYONE,
    SIGNED_IN
}
