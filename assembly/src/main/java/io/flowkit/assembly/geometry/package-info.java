/**
 * The geometric stage of assembly: each part's fracture faces, pairwise registration of mating
 * faces, a globally consistent assembly grown from the anchor, and scores of contact and
 * interpenetration that rank the hypotheses (the flow's and the geometry's own).
 */
package io.flowkit.assembly.geometry;
