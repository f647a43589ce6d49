package org.vigil.cdshooks.codec;

import ca.uhn.fhir.parser.json.BaseJsonLikeWriter;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Lets HAPI's JSON encoder write a resource straight into the generator that is writing the
 * surrounding CDS Hooks document, so a resource is never encoded to a String and copied. The
 * generator belongs to the caller: init, flush and close leave it alone.
 */
final class GeneratorJsonLikeWriter extends BaseJsonLikeWriter {

    private final JsonGenerator out;

    GeneratorJsonLikeWriter(JsonGenerator out) {
        this.out = out;
    }

    @Override
    public BaseJsonLikeWriter init() {
        return this;
    }

    @Override
    public BaseJsonLikeWriter flush() {
        return this;
    }

    @Override
    public void close() {}

    @Override
    public BaseJsonLikeWriter beginObject() throws IOException {
        out.writeStartObject();
        return this;
    }

    @Override
    public BaseJsonLikeWriter beginObject(String name) throws IOException {
        out.writeObjectFieldStart(name);
        return this;
    }

    @Override
    public BaseJsonLikeWriter beginArray(String name) throws IOException {
        out.writeArrayFieldStart(name);
        return this;
    }

    @Override
    public BaseJsonLikeWriter write(String value) throws IOException {
        out.writeString(value);
        return this;
    }

    @Override
    public BaseJsonLikeWriter write(BigInteger value) throws IOException {
        out.writeNumber(value);
        return this;
    }

    @Override
    public BaseJsonLikeWriter write(BigDecimal value) throws IOException {
        out.writeNumber(value);
        return this;
    }

    @Override
    public BaseJsonLikeWriter write(long value) throws IOException {
        out.writeNumber(value);
        return this;
    }

    @Override
    public BaseJsonLikeWriter write(double value) throws IOException {
        out.writeNumber(value);
        return this;
    }

    @Override
    public BaseJsonLikeWriter write(Boolean value) throws IOException {
        if (value == null) {
            out.writeNull();
        } else {
            out.writeBoolean(value);
        }
        return this;
    }

    @Override
    public BaseJsonLikeWriter write(boolean value) throws IOException {
        out.writeBoolean(value);
        return this;
    }

    @Override
    public BaseJsonLikeWriter writeNull() throws IOException {
        out.writeNull();
        return this;
    }

    @Override
    public BaseJsonLikeWriter write(String name, String value) throws IOException {
        out.writeStringField(name, value);
        return this;
    }

    @Override
    public BaseJsonLikeWriter write(String name, BigInteger value) throws IOException {
        out.writeFieldName(name);
        out.writeNumber(value);
        return this;
    }

    @Override
    public BaseJsonLikeWriter write(String name, BigDecimal value) throws IOException {
        out.writeNumberField(name, value);
        return this;
    }

    @Override
    public BaseJsonLikeWriter write(String name, long value) throws IOException {
        out.writeNumberField(name, value);
        return this;
    }

    @Override
    public BaseJsonLikeWriter write(String name, double value) throws IOException {
        out.writeNumberField(name, value);
        return this;
    }

    @Override
    public BaseJsonLikeWriter write(String name, Boolean value) throws IOException {
        out.writeFieldName(name);
        return write(value);
    }

    @Override
    public BaseJsonLikeWriter write(String name, boolean value) throws IOException {
        out.writeBooleanField(name, value);
        return this;
    }

    @Override
    public BaseJsonLikeWriter endObject() throws IOException {
        out.writeEndObject();
        return this;
    }

    @Override
    public BaseJsonLikeWriter endArray() throws IOException {
        out.writeEndArray();
        return this;
    }

    // HAPI closes objects it opened as "blocks" with endBlock; its own Jackson writer does the same.
    @Override
    public BaseJsonLikeWriter endBlock() throws IOException {
        out.writeEndObject();
        return this;
    }
}
