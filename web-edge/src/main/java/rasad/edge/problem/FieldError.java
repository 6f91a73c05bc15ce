package rasad.edge.problem;

/**
 * One broken rule: the field as the client sent it (a JSON path for nested ones, {@code plans[0].planId}; a
 * parameter or header name), the rule's stable code, and a sentence for people.
 */
public record FieldError(String field, String rule, String message) {}
