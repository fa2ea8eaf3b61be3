package io.convene.privacy;

import io.convene.personaldata.PersonalDataKeeper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.List;

/** Every context's keeper of personal data, in the order they are asked (an export's sections come in it). */
@ApplicationScoped
public class PersonalDataKeepers {

    @Inject
    @Any
    Instance<PersonalDataKeeper> found;

    public List<PersonalDataKeeper> inOrder() {
        return found.stream().sorted(Comparator.comparingInt(PersonalDataKeeper::order)).toList();
    }
}
