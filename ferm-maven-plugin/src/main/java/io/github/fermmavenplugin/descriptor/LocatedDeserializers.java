package io.github.fermmavenplugin.descriptor;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleDeserializers;
import io.github.fermmavenplugin.diagnostic.SourcePosition;
import java.io.IOException;
import java.nio.file.Path;

/** Teaches Jackson to wrap every descriptor value in {@link Located}, with the position it was read at. */
final class LocatedDeserializers extends SimpleDeserializers {

    private static final long serialVersionUID = 1L;

    /** The context attribute holding the descriptor's path, for the positions. */
    static final String FILE_ATTRIBUTE = LocatedDeserializers.class.getName() + ".file";

    @Override
    public JsonDeserializer<?> findBeanDeserializer(JavaType type, DeserializationConfig config,
            BeanDescription description) {
        return type.hasRawClass(Located.class) ? new LocatedDeserializer(type.containedType(0)) : null;
    }

    static SourcePosition position(DeserializationContext context, JsonLocation location) {
        Path file = (Path) context.getAttribute(FILE_ATTRIBUTE);
        return new SourcePosition(file, Math.max(location.getLineNr(), 0), Math.max(location.getColumnNr(), 0));
    }

    private static final class LocatedDeserializer extends StdDeserializer<Located<?>> {

        private static final long serialVersionUID = 1L;

        private final JavaType valueType;

        LocatedDeserializer(JavaType valueType) {
            super(Located.class);
            this.valueType = valueType;
        }

        @Override
        public Located<?> deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            SourcePosition position = position(context, parser.currentTokenLocation());
            if (parser.currentToken() == JsonToken.VALUE_STRING && parser.getText().isEmpty()) {
                return new Located<>(null, position);
            }
            Object value = context.readValue(parser, valueType);
            return new Located<>(value, position);
        }

        /** {@code key:} with no value (null or empty): present, so that checks can say where it is empty. */
        @Override
        public Located<?> getNullValue(DeserializationContext context) {
            return new Located<>(null, position(context, context.getParser().currentTokenLocation()));
        }

        /** A key that is not there at all. */
        @Override
        public Object getAbsentValue(DeserializationContext context) {
            return null;
        }
    }
}
