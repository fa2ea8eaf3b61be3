package io.convene.admin.users;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import io.convene.admin.shell.FieldErrors;
import io.convene.admin.shell.Signed;
import io.convene.shared.Caller;
import io.convene.shared.ConflictException;
import io.convene.shared.DomainException;
import io.convene.shared.InvalidInputException;
import io.convene.user.AccountAdministration;
import io.convene.user.NewLocalAccount;
import io.convene.user.RealmAdministration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/** Creates a local account (someone outside every directory): e-mail, name, a temporary password, roles. */
class NewLocalUserDialog extends Dialog {

    private final TextField email = new TextField("E-mail address");
    private final TextField name = new TextField("Name");
    private final PasswordField password = new PasswordField("Temporary password");
    private final CheckboxGroup<String> roles = new CheckboxGroup<>("Roles");
    private final Map<String, HasValidation> fields = Map.of("email", email, "name", name, "temporaryPassword", password,
            "roles", roles);

    NewLocalUserDialog(AccountAdministration accounts, Consumer<RealmAdministration.Account> created) {
        setHeaderTitle("New local user");
        email.setId("new-user-email");
        name.setId("new-user-name");
        password.setId("new-user-password");
        password.setHelperText("At least 12 characters; they choose their own at their first sign-in");
        roles.setId("new-user-roles");
        roles.setItems(new TreeSet<>(Caller.REALM_ROLES));
        roles.setValue(Set.of(Caller.PARTICIPANT));
        add(new FormLayout(email, name, password, roles));

        Button create = new Button("Create", e -> {
            fields.values().forEach(f -> f.setInvalid(false));
            try {
                RealmAdministration.Account account = accounts.createLocal(Signed.user().caller(),
                        new NewLocalAccount(email.getValue(), name.getValue(), password.getValue(), roles.getValue()));
                Notification.show("Created " + account.email(), 3000, Notification.Position.BOTTOM_START)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                close();
                created.accept(account);
            } catch (InvalidInputException ex) {
                FieldErrors.show(ex, name -> fields.getOrDefault(name, email), email::setErrorMessage);
            } catch (ConflictException ex) {
                invalid(email, ex.getMessage());
            } catch (DomainException ex) {
                Notification.show(ex.getMessage(), 5000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        });
        create.setId("new-user-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", e -> close()), create);
    }

    private static void invalid(HasValidation field, String message) {
        field.setErrorMessage(message);
        field.setInvalid(true);
    }
}
