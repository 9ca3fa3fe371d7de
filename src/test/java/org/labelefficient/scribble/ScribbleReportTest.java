package org.labelefficient.scribble;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.List;

import org.junit.Test;
import org.labelefficient.io.BadInputException;
import org.labelefficient.io.Volume;

public class ScribbleReportTest {

	/** Digits of {@code rows} as voxels; '9' stands for the unlabelled value. */
	static Volume image(String rows, int w, int h, int d, int unlabelled) {
		String s = rows.replace(" ", "");
		float[] data = new float[s.length()];
		for (int i = 0; i < data.length; i++)
			data[i] = s.charAt(i) == '9' ? unlabelled : s.charAt(i) - '0';
		return new Volume(data, w, h, d);
	}

	@Test
	public void countsPixelsPerClassAndFindsMissingClasses() {
		Volume v = image(
			  "9900 "
			+ "9119 "
			+ "9999 "
			+ "1999 ", 4, 4, 1, 4);
		ScribbleReport r = ScribbleReport.of(v, 4, 4);
		assertArrayEquals(new long[] { 2, 3, 0, 0 }, r.counts());
		assertEquals(5, r.scribbled());
		assertEquals(16, r.voxels());
		assertEquals(5 / 16.0, r.fraction(), 1e-12);
		assertEquals(0.6, r.share(1), 1e-12);
		assertEquals(List.of(2, 3), r.missingClasses());
		assertEquals("5 of 16 pixels scribbled (31.25%): class 0 40.0%, 1 60.0%, 2 0.0%, 3 0.0%; "
			+ "no scribble for class 2, 3", r.summary());
	}

	@Test
	public void addsUpSeveralVolumes() {
		Volume a = image("0299", 2, 2, 1, 255), b = image("9931 9999", 2, 2, 2, 255);
		ScribbleReport r = ScribbleReport.of(List.of(a, b), 4, 255);
		assertArrayEquals(new long[] { 1, 1, 1, 1 }, r.counts());
		assertEquals(12, r.voxels());
		assertTrue(r.missingClasses().isEmpty());
		assertTrue(r.summary(), r.summary().endsWith("every class scribbled"));
	}

	@Test
	public void rejectsAValueThatIsNeitherClassNorUnlabelled() {
		Volume v = image("0179", 2, 2, 1, 4);
		try {
			ScribbleReport.of(v, 4, 4);
			fail();
		} catch (BadInputException e) {
			assertTrue(e.getMessage(), e.getMessage().contains("value 7"));
			assertTrue(e.getMessage(), e.getMessage().contains("unlabelled value 4"));
		}
	}
}
