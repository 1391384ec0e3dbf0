import Testing

/// The store contract against the SQLite store (`AppDatabase`), always.
@Suite("Store contract: SQLite")
struct SQLiteStoreContractTests {
    let contract = StoreContract(opener: SQLiteOpener())

    @Test func addWritesTheIdeaAndItsEventTogether() throws { try contract.addWritesTheIdeaAndItsEventTogether() }
    @Test func refusesAnInvalidIdeaAndWritesNothing() throws { try contract.refusesAnInvalidIdeaAndWritesNothing() }
    @Test func keepsMillisecondsOfTimesAsSQLiteDoes() throws { try contract.keepsMillisecondsOfTimesAsSQLiteDoes() }
    @Test func summariesAndCountsFollowTheBoardsOrder() throws { try contract.summariesAndCountsFollowTheBoardsOrder() }
    @Test func comparesThemesIgnoringASCIICaseOnly() throws { try contract.comparesThemesIgnoringASCIICaseOnly() }
    @Test func movesThroughTheGateAndUndoesExactly() throws { try contract.movesThroughTheGateAndUndoesExactly() }
    @Test func refusesMovesTheRulesForbid() throws { try contract.refusesMovesTheRulesForbid() }
    @Test func aHardWipLimitStopsTheMoveThatWouldPassIt() throws { try contract.aHardWipLimitStopsTheMoveThatWouldPassIt() }
    @Test func undoOfAnEditKeepsWhatOthersChangedAndRefusesConflicts() throws {
        try contract.undoOfAnEditKeepsWhatOthersChangedAndRefusesConflicts()
    }
    @Test func undoOfACreationDeletesAndRedoRestores() throws { try contract.undoOfACreationDeletesAndRedoRestores() }
    @Test func applyAllWritesAllOrNothing() throws { try contract.applyAllWritesAllOrNothing() }
    @Test func measurementsAndDecisionsAreWrittenAndTakenBack() throws { try contract.measurementsAndDecisionsAreWrittenAndTakenBack() }
    @Test func aMoveIsTakenBackOnlyWhileNobodyBuiltOnIt() throws { try contract.aMoveIsTakenBackOnlyWhileNobodyBuiltOnIt() }
    @Test func decisionsAreCleanedAndKeptOnceOthersBuiltOnThem() throws { try contract.decisionsAreCleanedAndKeptOnceOthersBuiltOnThem() }
    @Test func ownChangesAreNotOutsideChangesButAnotherProgramsAre() throws {
        try contract.ownChangesAreNotOutsideChangesButAnotherProgramsAre()
    }
    @Test func criteriaSetsAreVersionedAndNamedIgnoringCase() throws { try contract.criteriaSetsAreVersionedAndNamedIgnoringCase() }
    @Test func sessionsSnapshotTheSetKeepScoresAndCloseWithBadges() throws {
        try contract.sessionsSnapshotTheSetKeepScoresAndCloseWithBadges()
    }
    @Test func readsTitlesThemesAndDecisions() throws { try contract.readsTitlesThemesAndDecisions() }
    @Test func caseNotesKeepNoPersonalDataAndLateExperimentsAreFound() throws {
        try contract.caseNotesKeepNoPersonalDataAndLateExperimentsAreFound()
    }
    @Test func theInboxMarksIdeasUntilTriagedAndADeclinedOneLeavesTheBoard() throws {
        try contract.theInboxMarksIdeasUntilTriagedAndADeclinedOneLeavesTheBoard()
    }
    @Test func aDeclinedIdeaCountsNowhereOnTheBoardNorAgainstALimit() throws {
        try contract.aDeclinedIdeaCountsNowhereOnTheBoardNorAgainstALimit()
    }
    @Test func aBoardSliceShowsWindowsCountsFilterFocusAndKeptCards() throws {
        try contract.aBoardSliceShowsWindowsCountsFilterFocusAndKeptCards()
    }
    @Test func aFilterSeesAnotherProgramsChangeAtOnce() throws { try contract.aFilterSeesAnotherProgramsChangeAtOnce() }
    @Test func aWindowFarDownALongColumnHoldsTheSameCards() throws { try contract.aWindowFarDownALongColumnHoldsTheSameCards() }
    @Test func aWindowNearTheEndFollowsOtherProgramsChanges() throws { try contract.aWindowNearTheEndFollowsOtherProgramsChanges() }
    @Test func lokaleOpgavenAreAListWhoseRenamesReachTheirIdeas() throws { try contract.lokaleOpgavenAreAListWhoseRenamesReachTheirIdeas() }
    @Test func detailsGatherCyclesMeasurementsDecisionsAndStageChanges() throws {
        try contract.detailsGatherCyclesMeasurementsDecisionsAndStageChanges()
    }
    @Test func participantsScoreThroughTheirOwnLinksUntilSharingStops() throws {
        try contract.participantsScoreThroughTheirOwnLinksUntilSharingStops()
    }
    @Test func mergingMovesTagsAndSessionsAndStopsTheSource() throws { try contract.mergingMovesTagsAndSessionsAndStopsTheSource() }
    @Test func importedIdeasArriveProposedAllOrNothing() throws { try contract.importedIdeasArriveProposedAllOrNothing() }
    @Test func anExportImportedIntoAnEmptyStoreExportsTheSame() throws { try contract.anExportImportedIntoAnEmptyStoreExportsTheSame() }
    @Test func aCSVImportWritesIdeasEventsAndIntakesAndADryRunNothing() throws {
        try contract.aCSVImportWritesIdeasEventsAndIntakesAndADryRunNothing()
    }
    @Test func aRefusedImportLeavesNothing() throws { try contract.aRefusedImportLeavesNothing() }
    @Test func forgetLeavesTheNameInNoTableAndReachesLocalCopies() throws { try contract.forgetLeavesTheNameInNoTableAndReachesLocalCopies() }
    @Test func theDemoIsTheSameAsOnSQLite() throws { try contract.theDemoIsTheSameAsOnSQLite() }
    @Test func theBenchmarkDataIsTheSameAsOnSQLite() throws { try contract.theBenchmarkDataIsTheSameAsOnSQLite() }
    @Test func aSiblingAndItsParentSeeEachOthersChangesAsOutside() throws { try contract.aSiblingAndItsParentSeeEachOthersChangesAsOutside() }
}

/// The same store contract against the PostgreSQL store, when `PROEFTUIN_TEST_DATABASE_URL` names a server.
@Suite("Store contract: PostgreSQL", .enabled(if: PostgresTestDatabase.available, "no PostgreSQL (set PROEFTUIN_TEST_DATABASE_URL, see scripts/pg-test-cluster.sh)"))
struct PostgresStoreContractTests {
    let contract = StoreContract(opener: PostgresOpener())

    @Test func addWritesTheIdeaAndItsEventTogether() throws { try contract.addWritesTheIdeaAndItsEventTogether() }
    @Test func refusesAnInvalidIdeaAndWritesNothing() throws { try contract.refusesAnInvalidIdeaAndWritesNothing() }
    @Test func keepsMillisecondsOfTimesAsSQLiteDoes() throws { try contract.keepsMillisecondsOfTimesAsSQLiteDoes() }
    @Test func summariesAndCountsFollowTheBoardsOrder() throws { try contract.summariesAndCountsFollowTheBoardsOrder() }
    @Test func comparesThemesIgnoringASCIICaseOnly() throws { try contract.comparesThemesIgnoringASCIICaseOnly() }
    @Test func movesThroughTheGateAndUndoesExactly() throws { try contract.movesThroughTheGateAndUndoesExactly() }
    @Test func refusesMovesTheRulesForbid() throws { try contract.refusesMovesTheRulesForbid() }
    @Test func aHardWipLimitStopsTheMoveThatWouldPassIt() throws { try contract.aHardWipLimitStopsTheMoveThatWouldPassIt() }
    @Test func undoOfAnEditKeepsWhatOthersChangedAndRefusesConflicts() throws {
        try contract.undoOfAnEditKeepsWhatOthersChangedAndRefusesConflicts()
    }
    @Test func undoOfACreationDeletesAndRedoRestores() throws { try contract.undoOfACreationDeletesAndRedoRestores() }
    @Test func applyAllWritesAllOrNothing() throws { try contract.applyAllWritesAllOrNothing() }
    @Test func measurementsAndDecisionsAreWrittenAndTakenBack() throws { try contract.measurementsAndDecisionsAreWrittenAndTakenBack() }
    @Test func aMoveIsTakenBackOnlyWhileNobodyBuiltOnIt() throws { try contract.aMoveIsTakenBackOnlyWhileNobodyBuiltOnIt() }
    @Test func decisionsAreCleanedAndKeptOnceOthersBuiltOnThem() throws { try contract.decisionsAreCleanedAndKeptOnceOthersBuiltOnThem() }
    @Test func ownChangesAreNotOutsideChangesButAnotherProgramsAre() throws {
        try contract.ownChangesAreNotOutsideChangesButAnotherProgramsAre()
    }
    @Test func criteriaSetsAreVersionedAndNamedIgnoringCase() throws { try contract.criteriaSetsAreVersionedAndNamedIgnoringCase() }
    @Test func sessionsSnapshotTheSetKeepScoresAndCloseWithBadges() throws {
        try contract.sessionsSnapshotTheSetKeepScoresAndCloseWithBadges()
    }
    @Test func readsTitlesThemesAndDecisions() throws { try contract.readsTitlesThemesAndDecisions() }
    @Test func caseNotesKeepNoPersonalDataAndLateExperimentsAreFound() throws {
        try contract.caseNotesKeepNoPersonalDataAndLateExperimentsAreFound()
    }
    @Test func theInboxMarksIdeasUntilTriagedAndADeclinedOneLeavesTheBoard() throws {
        try contract.theInboxMarksIdeasUntilTriagedAndADeclinedOneLeavesTheBoard()
    }
    @Test func aDeclinedIdeaCountsNowhereOnTheBoardNorAgainstALimit() throws {
        try contract.aDeclinedIdeaCountsNowhereOnTheBoardNorAgainstALimit()
    }
    @Test func aBoardSliceShowsWindowsCountsFilterFocusAndKeptCards() throws {
        try contract.aBoardSliceShowsWindowsCountsFilterFocusAndKeptCards()
    }
    @Test func aFilterSeesAnotherProgramsChangeAtOnce() throws { try contract.aFilterSeesAnotherProgramsChangeAtOnce() }
    @Test func aWindowFarDownALongColumnHoldsTheSameCards() throws { try contract.aWindowFarDownALongColumnHoldsTheSameCards() }
    @Test func aWindowNearTheEndFollowsOtherProgramsChanges() throws { try contract.aWindowNearTheEndFollowsOtherProgramsChanges() }
    @Test func lokaleOpgavenAreAListWhoseRenamesReachTheirIdeas() throws { try contract.lokaleOpgavenAreAListWhoseRenamesReachTheirIdeas() }
    @Test func detailsGatherCyclesMeasurementsDecisionsAndStageChanges() throws {
        try contract.detailsGatherCyclesMeasurementsDecisionsAndStageChanges()
    }
    @Test func participantsScoreThroughTheirOwnLinksUntilSharingStops() throws {
        try contract.participantsScoreThroughTheirOwnLinksUntilSharingStops()
    }
    @Test func mergingMovesTagsAndSessionsAndStopsTheSource() throws { try contract.mergingMovesTagsAndSessionsAndStopsTheSource() }
    @Test func importedIdeasArriveProposedAllOrNothing() throws { try contract.importedIdeasArriveProposedAllOrNothing() }
    @Test func anExportImportedIntoAnEmptyStoreExportsTheSame() throws { try contract.anExportImportedIntoAnEmptyStoreExportsTheSame() }
    @Test func aCSVImportWritesIdeasEventsAndIntakesAndADryRunNothing() throws {
        try contract.aCSVImportWritesIdeasEventsAndIntakesAndADryRunNothing()
    }
    @Test func aRefusedImportLeavesNothing() throws { try contract.aRefusedImportLeavesNothing() }
    @Test func forgetLeavesTheNameInNoTableAndReachesLocalCopies() throws { try contract.forgetLeavesTheNameInNoTableAndReachesLocalCopies() }
    @Test func theDemoIsTheSameAsOnSQLite() throws { try contract.theDemoIsTheSameAsOnSQLite() }
    @Test func theBenchmarkDataIsTheSameAsOnSQLite() throws { try contract.theBenchmarkDataIsTheSameAsOnSQLite() }
    @Test func aSiblingAndItsParentSeeEachOthersChangesAsOutside() throws { try contract.aSiblingAndItsParentSeeEachOthersChangesAsOutside() }
}
