package rasad.query.dashboard;

/**
 * The additive figures kept per month and per breakdown. Full-time equivalents are kept in half-months
 * (a full-time, year-round job is 24), so that seasonal and part-time work adds up exactly.
 */
enum Counter {
    /** Facilities granted, by the month of the grant. */
    plans,
    grantedRials,
    /** Money paid, by the month of each tranche. */
    paidRials,
    /** Jobs registered, by the month the job started; the command side counts a person's active job once. */
    jobs,
    fteHalfMonths,
    smsConfirmed,
    smsFailed,
    phoneConfirmed,
    phoneFailed,
    /** Phone-confirmed jobs in plans an inspector visited, and those the inspector saw at work. */
    visitedJobs,
    seenJobs,
    /** Phone-confirmed jobs in plans not (yet) visited: what the sample's pass rate is applied to. */
    unvisitedConfirmedJobs,
    verified,
    fteVerifiedHalfMonths,
    sustainable,
    fteSustainableHalfMonths,
    ended,
    /** Plans drawn for a field visit, visited, and passed — by the month of the grant. */
    plansDrawn,
    plansVisited,
    plansPassed,
    diversionsConfirmed,
    /** Verified jobs not ended whose first follow-up was not yet recorded: not sustainable, nor failed, yet. */
    awaitingFollowUp
}
