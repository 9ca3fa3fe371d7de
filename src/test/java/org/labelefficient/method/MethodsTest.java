package org.labelefficient.method;

import static org.junit.Assert.assertEquals;

import org.junit.Test;
import org.labelefficient.data.BatchPlan;
import org.labelefficient.data.BatchPlan.LabelKind;

/** The registry states each method as the method itself does: its id, its labels, its use of unlabelled images. */
public class MethodsTest {

	@Test
	public void everyEntryMatchesItsMethod() {
		for (String id : Methods.ids()) {
			TrainingMethod m = Methods.get(id);
			assertEquals(id, m.id());
			BatchPlan plan = m.batchPlan(2);
			for (LabelKind kind : LabelKind.values())
				assertEquals(id + " in ids(" + kind + ")", plan.kind() == kind, Methods.ids(kind).contains(id));
			assertEquals(id + " semi-supervised", plan.unlabelled() > 0, Methods.semiSupervisedIds().contains(id));
		}
	}
}
