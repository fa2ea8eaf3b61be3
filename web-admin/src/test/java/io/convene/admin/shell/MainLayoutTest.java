package io.convene.admin.shell;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.sidenav.SideNavItem;
import io.convene.shared.Caller;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The screens each role is offered (the views' own guards are proven in the browser tests). */
class MainLayoutTest {

    @BeforeEach
    void vaadin() {
        MockVaadin.setup(new com.github.mvysny.kaributesting.v10.Routes().autoDiscoverViews("io.convene.admin"));
    }

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
    }

    @Test
    void anAdministratorIsOfferedEveryScreen() {
        SignedIn.as(Caller.ADMIN);
        assertThat(screens(new MainLayout())).containsExactly("Dashboard", "Meetings", "Users", "Directory", "Integrations",
                "Notifications", "Reports", "Compliance");
    }

    @Test
    void aComplianceOfficerIsOfferedReportsAndComplianceOnly() {
        SignedIn.as(Caller.COMPLIANCE_OFFICER);
        assertThat(screens(new MainLayout())).containsExactly("Reports", "Compliance");
    }

    @Test
    void withoutASignedInPersonThereIsNoFrame() {
        assertThatThrownBy(MainLayout::new).isInstanceOf(IllegalStateException.class).hasMessage("Nobody is signed in to the console");
    }

    private static List<String> screens(MainLayout layout) {
        return _find(layout, SideNavItem.class).stream().map(SideNavItem::getLabel).toList();
    }
}
