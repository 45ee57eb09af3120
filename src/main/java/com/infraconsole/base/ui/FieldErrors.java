package com.infraconsole.base.ui;

import com.vaadin.flow.component.HasValidation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Puts a service's per-field messages (see InvalidInputException) next to the fields they name. */
public final class FieldErrors {

    private FieldErrors() {}

    /**
     * Marks each named field invalid with its message.
     *
     * @return the messages that belong to no field of this form (the whole-form key "" among
     *     them), for the form's own error line
     */
    public static List<String> show(Map<String, String> errors, Map<String, HasValidation> fields) {
        var unplaced = new ArrayList<String>();
        errors.forEach((key, message) -> {
            var field = fields.get(key);
            if (field == null) {
                unplaced.add(message);
            } else {
                field.setErrorMessage(message);
                field.setInvalid(true);
            }
        });
        return unplaced;
    }
}
