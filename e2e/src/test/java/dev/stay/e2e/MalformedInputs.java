package dev.stay.e2e;

import graphql.language.EnumTypeDefinition;
import graphql.language.FieldDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.ObjectTypeDefinition;
import graphql.language.Type;
import graphql.language.TypeDefinition;
import graphql.language.TypeName;
import graphql.language.UnionTypeDefinition;
import graphql.schema.idl.TypeDefinitionRegistry;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Requests made from the public schema with one malformed value each: for every argument of every query and
 * mutation (and of the fields with arguments one level down, such as {@code Hotel.availability}), the argument's
 * other values are plausible and this one is absurd: wrong types, out-of-range numbers, impossible days, control
 * characters, huge texts, unknown enum values, missing or unknown input fields. Seeded, so a failure replays.
 */
final class MalformedInputs {

    /** One request: the document, its variables, and which value was malformed (for the failure message). */
    record Case(String operation, String document, Map<String, Object> variables, String malformed) {

        boolean mutation() {
            return operation.equals("mutation");
        }
    }

    /** Plausible values by input field name, so that the malformed one is the only thing wrong. */
    private static final Map<String, Object> PLAUSIBLE = Map.ofEntries(
            Map.entry("country", "PT"), Map.entry("currency", "EUR"), Map.entry("timeZone", "Europe/Lisbon"),
            Map.entry("lat", 38.71), Map.entry("lon", -9.14), Map.entry("url", "https://img.stay.example/fuzz.jpg"),
            Map.entry("phone", "+351912345678"), Map.entry("locale", "pt-PT"), Map.entry("checkInTime", "15:00"),
            Map.entry("checkOutTime", "11:00"), Map.entry("price", "100.00"), Map.entry("stars", 3),
            Map.entry("guests", 2), Map.entry("rooms", 1), Map.entry("version", 1), Map.entry("maxAdults", 2),
            Map.entry("defaultRooms", 3), Map.entry("first", 10),
            // restaurants: a party, a time and opening hours a restaurant could have
            Map.entry("partySize", 2), Map.entry("time", "20:00"), Map.entry("opens", "12:00"),
            Map.entry("closes", "15:00"), Map.entry("slotMinutes", 15), Map.entry("priceRange", 2),
            Map.entry("upToPartySize", 2), Map.entry("minutes", 90), Map.entry("minParty", 1),
            Map.entry("maxParty", 4), Map.entry("depositPerGuest", "10.00"), Map.entry("depositRefundableHours", 24),
            Map.entry("label", "T1"), Map.entry("overall", 8), Map.entry("food", 8), Map.entry("service", 8),
            Map.entry("ambience", 8), Map.entry("value", 8));

    private final TypeDefinitionRegistry schema;
    private final Random random;
    private final LocalDate today = LocalDate.now();
    private final String knownHotelId;
    private final String knownRestaurantId;

    MalformedInputs(TypeDefinitionRegistry schema, long seed, String knownHotelId, String knownRestaurantId) {
        this.schema = schema;
        this.random = new Random(seed);
        this.knownHotelId = knownHotelId;
        this.knownRestaurantId = knownRestaurantId;
    }

    List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        for (String operation : List.of("query", "mutation")) {
            ObjectTypeDefinition root = object(operation.equals("query") ? "Query" : "Mutation");
            if (root == null) continue;
            for (FieldDefinition field : root.getFieldDefinitions()) {
                if (field.getName().startsWith("_")) continue;
                cases.addAll(forRootField(operation, field));
            }
        }
        return cases;
    }

    private List<Case> forRootField(String operation, FieldDefinition field) {
        List<Case> cases = new ArrayList<>();
        String selection = selection(field.getType(), 0);
        for (int i = 0; i < field.getInputValueDefinitions().size(); i++) {
            InputValueDefinition fuzzed = field.getInputValueDefinitions().get(i);
            for (Object bad : malformed(fuzzed.getType(), fuzzed.getName(), 0)) {
                Map<String, Object> variables = plausibleArguments(field);
                variables.put(fuzzed.getName(), bad);
                cases.add(new Case(operation, document(operation, field, selection), variables,
                        field.getName() + "." + fuzzed.getName() + " = " + describe(bad)));
            }
        }
        if (field.getInputValueDefinitions().isEmpty()) {
            cases.add(new Case(operation, document(operation, field, selection), new LinkedHashMap<>(), field.getName()));
        }
        // fields with arguments one level down, on a real parent: Hotel.availability(checkIn, ...),
        // Restaurant.availability(date, partySize, ...), Restaurant.reservations(date) and the like
        Map<String, String> parents = Map.of("hotel", knownHotelId, "restaurant", knownRestaurantId);
        if (operation.equals("query") && parents.containsKey(field.getName())) {
            String parent = field.getName();
            ObjectTypeDefinition parentType = object(typeName(field.getType()));
            for (FieldDefinition child : parentType.getFieldDefinitions()) {
                if (child.getInputValueDefinitions().isEmpty()) continue;
                for (InputValueDefinition fuzzed : child.getInputValueDefinitions()) {
                    for (Object bad : malformed(fuzzed.getType(), fuzzed.getName(), 0)) {
                        Map<String, Object> variables = plausibleArguments(child);
                        variables.put(fuzzed.getName(), bad);
                        String inner = child.getName() + arguments(child) + selection(child.getType(), 1);
                        String document = "query Fuzz($parentId: ID!" + variableDefinitions(child, true) + ") { "
                                + parent + "(id: $parentId) { id " + inner + " } }";
                        variables.put("parentId", parents.get(parent));
                        cases.add(new Case("query", document, variables,
                                parent + "." + child.getName() + "." + fuzzed.getName() + " = " + describe(bad)));
                    }
                }
            }
        }
        return cases;
    }

    private String document(String operation, FieldDefinition field, String selection) {
        String definitions = variableDefinitions(field, false);
        return operation + " Fuzz" + (definitions.isEmpty() ? "" : "(" + definitions + ")") + " { "
                + field.getName() + arguments(field) + selection + " }";
    }

    private static String variableDefinitions(FieldDefinition field, boolean continuing) {
        String definitions = field.getInputValueDefinitions().stream()
                .map(arg -> "$" + arg.getName() + ": " + print(arg.getType()))
                .collect(Collectors.joining(", "));
        return continuing && !definitions.isEmpty() ? ", " + definitions : definitions;
    }

    private static String arguments(FieldDefinition field) {
        if (field.getInputValueDefinitions().isEmpty()) return "";
        return field.getInputValueDefinitions().stream().map(arg -> arg.getName() + ": $" + arg.getName())
                .collect(Collectors.joining(", ", "(", ")"));
    }

    /** {@code __typename} and the scalar fields without arguments, one object level deep. */
    private String selection(Type<?> type, int depth) {
        TypeDefinition<?> definition = schema.getType(typeName(type)).orElse(null);
        if (definition instanceof UnionTypeDefinition union) {
            return " { __typename" + union.getMemberTypes().stream()
                    .map(member -> " ... on " + ((TypeName) member).getName() + selection(member, depth + 1))
                    .collect(Collectors.joining()) + " }";
        }
        if (!(definition instanceof ObjectTypeDefinition object)) return "";
        StringBuilder fields = new StringBuilder(" { __typename");
        for (FieldDefinition field : object.getFieldDefinitions()) {
            if (!field.getInputValueDefinitions().isEmpty()) continue;
            TypeDefinition<?> fieldType = schema.getType(typeName(field.getType())).orElse(null);
            if (fieldType == null || fieldType instanceof EnumTypeDefinition) {
                fields.append(' ').append(field.getName());
            } else if (fieldType instanceof ObjectTypeDefinition && depth < 1) {
                fields.append(' ').append(field.getName()).append(selection(field.getType(), depth + 1));
            }
        }
        return fields.append(" }").toString();
    }

    private Map<String, Object> plausibleArguments(FieldDefinition field) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (InputValueDefinition arg : field.getInputValueDefinitions()) {
            values.put(arg.getName(), plausible(arg.getType(), arg.getName(), 0));
        }
        return values;
    }

    private Object plausible(Type<?> type, String name, int depth) {
        if (type instanceof NonNullType nonNull) return plausible(nonNull.getType(), name, depth);
        if (type instanceof ListType list) return List.of(plausible(list.getType(), name, depth));
        if (PLAUSIBLE.containsKey(name)) return PLAUSIBLE.get(name);
        String typeName = typeName(type);
        return switch (typeName) {
            case "ID" -> name.equals("hotelId") || name.equals("id") ? knownHotelId
                    : name.equals("restaurantId") ? knownRestaurantId : UUID.randomUUID().toString();
            case "String" -> "Fuzz " + name;
            case "Int" -> 1;
            case "Float" -> 1.5;
            case "Boolean" -> true;
            case "Date" -> today.plusDays(30 + (name.toLowerCase().contains("out") || name.equals("to") ? 2 : 0)).toString();
            case "DateTime" -> today.plusDays(30).atStartOfDay() + "Z";
            default -> {
                TypeDefinition<?> definition = schema.getType(typeName).orElseThrow();
                if (definition instanceof EnumTypeDefinition e) yield e.getEnumValueDefinitions().getFirst().getName();
                InputObjectTypeDefinition input = (InputObjectTypeDefinition) definition;
                Map<String, Object> object = new LinkedHashMap<>();
                if (depth < 3) {
                    for (InputValueDefinition field : input.getInputValueDefinitions()) {
                        object.put(field.getName(), plausible(field.getType(), field.getName(), depth + 1));
                    }
                }
                yield object;
            }
        };
    }

    /** The absurd values of a type: what a careless or hostile client could send in its place. */
    private List<Object> malformed(Type<?> type, String name, int depth) {
        List<Object> values = new ArrayList<>();
        if (type instanceof NonNullType nonNull) {
            values.add(null);
            values.addAll(malformed(nonNull.getType(), name, depth).stream().filter(v -> v != null).toList());
            return values;
        }
        if (type instanceof ListType list) {
            values.add("not a list");
            values.add(List.of());
            values.add(java.util.Collections.nCopies(2_000, plausible(list.getType(), name, depth)));
            List<Object> inner = malformed(list.getType(), name, depth);
            if (!inner.isEmpty()) values.add(Arrays.asList(inner.get(random.nextInt(inner.size()))));
            return values;
        }
        String typeName = typeName(type);
        switch (typeName) {
            case "ID" -> values.addAll(List.of("", "not-an-id", "../../etc/passwd", "%2e%2e%2f", "\u0000",
                    UUID.randomUUID().toString().toUpperCase() + "0", "x".repeat(10_000), 12345, false));
            case "String" -> values.addAll(List.of("", " ", "\u0000", "a\u0000b", "\u001b[31mred", "\u202e reversed",
                    "' OR 1=1 --", "<script>alert(1)</script>", "x".repeat(100_000), "🏨".repeat(500), 42, List.of("x")));
            case "Int" -> values.addAll(List.of(-1, 0, Integer.MAX_VALUE, Integer.MIN_VALUE, 2_147_483_648L, 1.5e300,
                    "7", 1.5));
            case "Float" -> values.addAll(List.of(1e308, -1e308, "1.0", -0.0, 9_007_199_254_740_993L));
            case "Boolean" -> values.addAll(List.of("true", 1, "yes"));
            case "Date" -> values.addAll(List.of("tomorrow", "0000-01-01", "+999999999-12-31", "-999999999-01-01",
                    "2027-02-30", "1969-12-31", "9999-12-31", "", 20270101, "2027-1-5"));
            case "DateTime" -> values.addAll(List.of("yesterday", "2027-13-01T00:00:00Z", "+999999999-12-31T00:00:00Z", 0));
            default -> {
                TypeDefinition<?> definition = schema.getType(typeName).orElseThrow();
                if (definition instanceof EnumTypeDefinition e) {
                    values.addAll(List.of("NOT_A_VALUE", "", e.getEnumValueDefinitions().getFirst().getName().toLowerCase(), 3));
                } else if (definition instanceof InputObjectTypeDefinition input) {
                    values.add(Map.of());
                    values.add("not an object");
                    Map<String, Object> unknown = asMap(plausible(type, name, depth));
                    unknown.put("notAField", 1);
                    values.add(unknown);
                    if (depth < 2) {
                        for (InputValueDefinition field : input.getInputValueDefinitions()) {
                            for (Object bad : malformed(field.getType(), field.getName(), depth + 1)) {
                                Map<String, Object> object = asMap(plausible(type, name, depth));
                                object.put(field.getName(), bad);
                                values.add(object);
                            }
                        }
                    }
                }
            }
        }
        return values;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        return new LinkedHashMap<>((Map<String, Object>) value);
    }

    private ObjectTypeDefinition object(String name) {
        return schema.getType(name).filter(ObjectTypeDefinition.class::isInstance)
                .map(ObjectTypeDefinition.class::cast).orElse(null);
    }

    private static String typeName(Type<?> type) {
        if (type instanceof NonNullType nonNull) return typeName(nonNull.getType());
        if (type instanceof ListType list) return typeName(list.getType());
        return ((TypeName) type).getName();
    }

    private static String print(Type<?> type) {
        if (type instanceof NonNullType nonNull) return print(nonNull.getType()) + "!";
        if (type instanceof ListType list) return "[" + print(list.getType()) + "]";
        return ((TypeName) type).getName();
    }

    private static String describe(Object value) {
        String text = String.valueOf(value);
        return text.length() > 60 ? text.substring(0, 60) + "... (" + text.length() + " chars)" : text;
    }
}
