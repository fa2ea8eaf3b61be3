package io.convene.admin.users;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import io.convene.admin.shell.SignedIn;
import io.convene.shared.Caller;
import io.convene.user.AccountAdministration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The dialog shows each problem the real service finds next to its field, and keeps what was typed;
 * the service checks the input before it reaches Keycloak or the database, so no server runs here.
 */
class NewLocalUserDialogTest {

    private final List<Object> created = new ArrayList<>();

    @BeforeEach
    void vaadin() {
        MockVaadin.setup();
    }

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
    }

    @Test
    void everyProblemIsShownNextToItsFieldAndNothingIsCreated() {
        SignedIn.as(Caller.ADMIN);
        NewLocalUserDialog dialog = new NewLocalUserDialog(new AccountAdministration(), created::add);
        dialog.open();
        TextField email = _get(TextField.class, spec -> spec.withId("new-user-email"));
        TextField name = _get(TextField.class, spec -> spec.withId("new-user-name"));
        PasswordField password = _get(PasswordField.class, spec -> spec.withId("new-user-password"));
        _setValue(email, "not-an-address");
        _setValue(name, "   ");
        _setValue(password, "short");

        _click(_get(Button.class, spec -> spec.withId("new-user-create")));

        assertThat(email.isInvalid()).isTrue();
        assertThat(email.getErrorMessage()).isEqualTo("must be an e-mail address");
        assertThat(name.getErrorMessage()).isEqualTo("must be given, at most 200 characters");
        assertThat(password.getErrorMessage()).isEqualTo("must be 12 to 128 characters");
        assertThat(email.getValue()).isEqualTo("not-an-address");
        assertThat(dialog.isOpened()).isTrue();
        assertThat(created).isEmpty();

        _setValue(email, "lena@convene.example");
        _setValue(name, "Lena Local");
        _click(_get(Button.class, spec -> spec.withId("new-user-create")));
        assertThat(email.isInvalid()).as("a field put right is no longer marked").isFalse();
        assertThat(password.isInvalid()).isTrue();
    }

    @Test
    void someoneWhoIsNotAnAdministratorIsToldAndNothingIsCreated() {
        SignedIn.as(Caller.COMPLIANCE_OFFICER);
        NewLocalUserDialog dialog = new NewLocalUserDialog(new AccountAdministration(), created::add);
        dialog.open();
        _click(_get(Button.class, spec -> spec.withId("new-user-create")));
        NotificationsKt.expectNotifications("Only administrators manage accounts");
        assertThat(created).isEmpty();
    }
}
