package io.wxcard.adapter.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A field a request must carry, for the OpenAPI document. The check itself is made where the record is turned into
 * a command (missing fields are answered 422 with every missing one named); a test holds the two together.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
@interface Required {}
