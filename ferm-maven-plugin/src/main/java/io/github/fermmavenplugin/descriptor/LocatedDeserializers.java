package io.github.fermmavenplugin.descriptor;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.ResolvableDeserializer;
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

    /**
     * Cachable, with its value's deserializer looked up once: otherwise Jackson builds the deserializers of
     * every value again, which took a tenth of a large descriptor's read.
     */
    private static final class LocatedDeserializer extends StdDeserializer<Located<?>>
            implements ResolvableDeserializer {

        private static final long serialVersionUID = 1L;

        private final JavaType valueType;
        private transient JsonDeserializer<Object> valueDeserializer;

        LocatedDeserializer(JavaType valueType) {
            super(Located.class);
            this.valueType = valueType;
        }

        @Override
        public boolean isCachable() {
            return true;
        }

        @Override
        public void resolve(DeserializationContext context) throws JsonMappingException {
            valueDeserializer = context.findRootValueDeserializer(valueType);
        }

        @Override
        public Located<?> deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            SourcePosition position = position(context, parser.currentTokenLocation());
            if (parser.currentToken() == JsonToken.VALUE_STRING && parser.getText().isEmpty()) {
                return new Located<>(null, position);
            }
            Object value = valueDeserializer.deserialize(parser, context);
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
