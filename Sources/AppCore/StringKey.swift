/// Every user-facing text of the interface; both languages must define every key (a test checks).
public enum StringKey: String, CaseIterable, Sendable {
    // Stages and sources
    case stageProposed, stageExperimenting, stageLearning, stageScaling, stageStopped
    case sourceResident, sourceProfessional, sourcePartner, sourceInternal, sourceNone
    // Board
    case appName, ideaCount, filterLabel, moreAbove, moreBelow, emptyColumn, noMatches
    case tooSmall, tooSmallHint, loading
    // Messages
    case messageMoved, messageCreated, messageSaved, messageUndone, messageRedone
    case messageNothingToUndo, messageNothingToRedo, messageNoSelection, messageReordered, messageEdgeOfColumn
    case messageChangedElsewhere, messageFilterCleared, messageReloaded
    // Errors
    case errorTransition, errorEmptyTitle, errorTitleTooLong, errorReasonRequired, errorNotFound, errorAlreadyInStage
    case errorUnknownStage, errorUnknownSource, errorStorage
    // Prompt and move menu
    case promptReason, moveMenuTitle, moveMenuHint
    // Form
    case formNewTitle, formEditTitle
    case fieldTitle, fieldDescription, fieldTheme, fieldTags, fieldSource, fieldSubmitter
    // Detail
    case detailStage, detailTheme, detailTags, detailSource, detailSubmitter, detailCreated, detailUpdated
    case detailDescription, detailHistory, detailNoDescription, detailPosition
    case eventCreated, eventEdited, eventMoved, eventReordered, eventDeleted, eventRestored
    case eventMeasured, eventMeasurementRemoved, eventDecisionSaved, eventDecisionDeleted, eventWipLimitSet
    case eventCriteriaChanged, eventSessionCreated, eventScored, eventSessionUpdated, eventSessionClosed
    case eventImported, eventMerged, eventForgotten
    // Help
    case helpTitle, helpFooter
    case contextBoard, contextDetail, contextHelp, contextForm, contextPrompt, contextFilter
    case helpSelectUp, helpSelectDown, helpSelectLeft, helpSelectRight, helpSelectFirst, helpSelectLast
    case helpPageUp, helpPageDown, helpMoveBack, helpMoveForward, helpMoveTo, helpReorderUp, helpReorderDown
    case helpOpen, helpNew, helpEdit, helpFilter, helpClearFilter, helpKeepFilter, helpUndo, helpRedo
    case helpRefresh, helpHelp, helpQuit, helpScrollUp, helpScrollDown, helpBack, helpCloseHelp
    case helpSave, helpCancel, helpConfirm, helpNextField, helpPreviousField
    case helpCursorLeft, helpCursorRight, helpCursorStart, helpCursorEnd
    case helpDeleteBackward, helpDeleteForward, helpClearField
    // Gates, experiments, decisions
    case fieldHypothesis, fieldAction, fieldMetric, fieldSuccess, fieldOwner, fieldReviewDate
    case fieldObserved, fieldLearned, fieldTherefore, fieldCategory, fieldDecision, fieldProposal, fieldResponsible
    case fieldEvaluation, fieldReason, fieldDate, fieldValue, fieldNote, fieldWho, fieldText, fieldKind
    case helpAddMeasurement, helpNewDecision, helpGiveConsent, helpSaveOpen, helpNextFieldOrList, helpAddObjection
    case helpAddConcern, helpSelectObjectionUp, helpSelectObjectionDown, helpMarkQualified, helpMarkNotQualified
    case helpMarkAmended, helpMarkWithdrawn, helpRemoveObjection, helpFocusFields
    case contextEntry, contextDecision, contextObjections
    case gateTitle, measurementTitle, objectionTitle, concernTitle, amendedTitle, withdrawnTitle
    case decisionGateTitle, decisionNewTitle, decisionObjections, decisionConcerns, decisionNoObjections
    case decisionQualified, decisionNotQualified, decisionUnjudged, decisionAmended, decisionWithdrawn
    case errorGateIncomplete, errorInvalidDate, errorInvalidNumber, errorUnknownStopCategory, errorDecisionNotFound
    case errorDecisionNotConsented, errorDecisionForAnotherIdea, errorConsentMissing, errorOpenObjections
    case errorWipHard, errorWipSoft, errorNoCycle, errorInvalidLimit
    case promptWipOverride
    case detailReviewDate, detailStopCategory, detailStopLearned, detailCycle, detailOwner, detailMeasurements
    case detailNoMeasurements, detailTarget, detailDecisions, detailOverdue, detailConsented, detailOpen
    case stopNoEffect, stopNotFeasible, stopNoCapacity, stopMerged, stopSuperseded, stopOther
    case kindStart, kindScale, kindStop, kindContinue
    case messageMeasured, messageDecisionSaved, messageDecisionSavedOpen
    case errorSessionClosed, errorScoreOutOfScale
    // Weighing
    case helpToggleMark, helpStartWeighing, helpListSessions, helpChooseSet, helpStartSession, helpDigit, helpPreviousIdea
    case helpNextIdea, helpPreviousCriterion, helpNextCriterion, helpNextParticipant, helpPreviousParticipant, helpClearScore
    case helpReveal, helpCycleMethod, helpCycleNormalization, helpToggleAggregate, helpProjector, helpCloseSession
    case helpConfirmClose, helpDecideTop, helpBackToBoard, contextWeighing, contextSessionSetup
    case setupTitle, setupIdeas, setupSet, setupParticipants, setupHint, setupNoSets, sessionsTitle, sessionsEmpty, sessionsHint
    case weighingTitle, weighingParticipant, weighingBlind, weighingRevealed, weighingClosed, weighingProgress, weighingRanking
    case weighingAgreement, weighingStable, weighingUnstable, weighingDiscuss, weighingIncomplete, weighingHint
    case weighingProjectorHint, weighingConfirmClose, weighingVeto, weighingNoIdeas, messageMarked, messageSessionClosed
    case weighingAllScored, weighingNoAgreement
    case helpPortfolio, portfolioTitle, portfolioMatrix, portfolioWip, portfolioFunnel, portfolioThroughput, portfolioLeadTime
    case portfolioOverdue, portfolioStale, portfolioDays, portfolioNone
    case warningBSN, formDuplicates, helpContinueDecision, messageNoOpenDecision
    // Domain refusals from criteria, weighing sessions and merging
    case errorEmptyName, errorDuplicateCriterion, errorInvalidScale, errorInvalidWeight, errorVetoOutsideScale, errorWeightCount
    case errorMatrixNotANumber, errorMatrixNotSquare, errorMatrixDiagonal, errorMatrixNotReciprocal
    case errorUnknownCriteriaSet, errorCriteriaSetExists, errorUnknownCriterion
    case errorSessionNeedsIdeas, errorSessionNeedsCriteria, errorSessionNeedsParticipants, errorSessionNeedsDistinctIdeas
    case errorSessionNeedsKnownScore, errorSessionNotFound, errorUnknownParticipant, errorIdeaNotInSession
    case errorMergeIntoItself, errorAlreadyMerged
    // Command line: how it reports a failure, domain refusals with command-line advice, storage and file errors
    case cliErrorLine
    case cliIdeaNotFound, cliGateIncomplete, cliDecisionNotFound, cliDecisionNotConsented, cliConsentMissing, cliWipSoft
    case cliUnknownCriteriaSet, cliSessionNotFound
    case storageCannotCreateDirectory, storageNotADirectory, storageDirectoryNotEmpty, storageDatabaseLocked, storageDatabaseDamaged
    case storageDatabaseFromNewerVersion, storageReadOnly, storageConfigInvalid, storageDatabaseError, storageFileExists
    case storageUnreadableValue, storageUnreadableValuesFound, storageUnreadableValueFoundOne
    case cliNoSuchFile, cliNotReadable, cliCannotWrite, cliFileTooLarge, cliNotText, cliBadFileOne, cliBadFileMany, cliBadFileMore
    case cliNoObjection, cliNoBackup
    case errorChangedSinceUndo, errorChangedSinceRedo, errorChangedSince, errorChangedSinceWho, errorNoObjection
    case fieldObjectionNumber, fieldConcernNumber, errorScoreChangedSince, scoreEmpty, scoreAbstained
    case errorDecisionAlreadyConsented, errorObjectionAlreadyRuled, promptScaleOnDecision, errorCriteriaSetChangedSince
    // Weighing room
    case errorInvalidVeto, errorVetoesEveryScore, errorDuplicateParticipant, errorParticipantExcluded, errorExclusionNeedsReason
    case errorNotInRevote, errorRevoteAlreadyHeld, errorRevoteNeedsCells, errorSessionIncomplete, cliSessionIncomplete
    case helpFirstCell, helpLastCell, helpRowStart, helpRowEnd, helpSettleDigit, helpAbstain, helpStepBackClear, helpAddParticipant
    case helpExcludeParticipant, helpToggleIndividual, helpAddNote, helpMarkRevote, helpStartRevote, helpWhatIf, helpCycleTimer
    case helpWhatIfMore, helpWhatIfLess, helpWhatIfReset, helpWhatIfClose, contextWhatIf
    case weighingGroupGrid, weighingRevoteAfterReveal, weighingRevoteMarked, weighingRevoteUnmarked, weighingRevoteStarted
    case weighingNoteSaved, weighingParticipantAdded, weighingParticipantExcluded, weighingLastCell, weighingLastCellOpen
    case weighingMethodWeightedSum, weighingNormalizationSum, weighingNormalizationVector, weighingAggregateMean, weighingAggregateMedian
    case weighingDirectionBenefit, weighingDirectionCost, weighingAgreementAll, weighingAgreementOver, weighingAgreementNone
    case weighingProgressRevote, weighingExcluded, weighingNow, weighingIdeas, weighingIncompleteOf, weighingVetoBy, weighingDiscussCell
    case weighingAbstainedCount, weighingShifts, weighingShiftLine, weighingWhatIf, weighingWhatIfHint, weighingWhatIfWeight
    case weighingWhatIfSaved, weighingRound, weighingGroupHeader, weighingOwnScores, weighingTimerIdea, weighingTimerRound
    case weighingLegendVeto, weighingLegendGroup, weighingLegendMarks, weighingPromptNote, weighingPromptAddParticipant
    case weighingPromptExclude, weighingConfirmCloseIncomplete, weighingConfirmRevote
    case cliCriterionEdited, cliCriterionRemoved, cliAbstained, cliParticipantAdded, cliParticipantExcluded, cliParticipantsJoined
    case minutesTitle, minutesDate, minutesStatus, minutesParticipants, minutesExcluded, minutesComplete, minutesIncomplete
    case minutesMissingCells, minutesAbstentions, minutesNoAbstentions, minutesMethod, minutesSensitivity, minutesRounds, minutesCriteria
    case minutesCriteriaHeader, minutesRankingHeader, minutesFirstRound, minutesRevote, minutesRevoteLine, minutesCellSummary
    case helpScrollResultsDown, helpScrollResultsUp, eventScoredIn, weighingCellsOne, weighingCellsMany
    case minutesDiscussed, minutesNoDiscussion, minutesDiscussLine, minutesNote, minutesNotes, minutesDecisions, minutesNoDecisions
    // Civil servant's board
    case contextGlobal, contextConfirm, helpAdvance, helpAdvanceToList, helpCancelAsking, helpCancelPrompt, helpQuitAsking
    case helpYes, helpNo, confirmDiscard, confirmDiscardQuit, confirmReviewInPast, confirmMeasurementInFuture
    case noticeWipLimit, noticeDraftRestored, emptyBoard, ideaCountOne, messageStoppedReopen, messageFirstStage
    case formThemes, errorUnknownTheme, historyUndone, historyRedone, historyWipOverride, historyProposalAmended
    case objectionPreviousProposal
    case hintSelect, hintOpen, hintNew, hintEdit, hintMove, hintMoveTo, hintFilter, hintUndo, hintPortfolio, hintHelp, hintQuit
    case hintMeasurement, hintDecision, hintObjections, hintScroll, hintBack, hintSave, hintNextField, hintPreviousField
    case hintCancel, hintNextFieldOrList, hintObjection, hintConcern, hintSaveOpen, hintConsent, hintQualified
    case hintNotQualified, hintAmended, hintWithdrawn, hintFields, hintConfirm, hintKeepFilter, hintClearFilter, hintPage
    case hintClose, hintChooseSet, hintStartSession, hintScore, hintParticipant, hintReveal, hintMethod, hintProjector
    case hintCloseSession, hintBoard, hintYes, hintNo
    case cliWarningDuplicateRow, cliWarningCleaned, cliWarningsMore, hintCriterion, hintWeight, hintResetWeights, weighingWhatIfAfterReveal
    case cliWarningLine, cliWarningBSN, cliWarningDuplicate, cliWarningReviewInPast, cliWarningMeasurementInFuture
    case cliColumnId, cliColumnStage, cliColumnTheme, cliColumnTitle, cliColumnIdea, cliColumnKind, cliColumnOutcome
    case cliColumnReview, cliColumnProposal, cliColumnCount, cliColumnLimit, cliColumnLimitKind
    case cliDueOverdue, cliDueUpcoming, cliDueUpcomingOne, cliMoved, cliSaved, cliImportedMeasurements, cliImportedMeasurementOne
    case cliLimitHard, cliLimitSoft, cliWipSet, cliObjectionStatus, cliConsented, cliObjectionLine, cliConcernLine
    case cliDemoAdded, cliBenchmarkGenerated, cliDemoKept
    case cliInfoVersion, cliInfoDataDirectory, cliInfoDatabase, cliInfoConfigFile, cliInfoNotPresent, cliInfoConfig
    case cliInfoActor, cliInfoLanguage, cliInfoIdeas, cliInfoEvents
    // Hardening
    case errorNumberOutOfRange, numberMeasurement, numberWeight, numberMatrixEntry, numberDays, numberIdeaCount
    case numberWipLimit, numberStaleDays, numberParticipants, numberScaleBound, errorTextTooLong, errorTooManyTags
    case fieldParticipant, fieldName, errorMergeIntoMerged, errorErasedPersonalData
    case errorMatrixEmpty, errorMatrixRowLength, errorMatrixEmptyEntry, errorMatrixSize, detailTruncated
    case terminalNotATerminal, terminalTermNotSet, terminalUnknown, terminalUnsuitable, interchangeNotAnExport
    case interchangeSchemaMismatch, interchangeNotEmpty, cliUnexpected, personalLeftOut, infoNotCreated
    case interchangeServerNotEmpty
    case storageDatabaseInUse, storageDatabaseMissing, storageNotRestorable, restoreNotAFile, restoreTheLiveDatabase
    case restoreNotSQLite, restoreDamaged, restoreNotProeftuin, restoreNewerVersion, storageDatabaseReplaced
    case storageDiskFull, cliInsideDataDirectory, forgetCopiesRewritten, forgetLeftoversRemoved, forgetCopiesNotRewritten
    case forgetAskDelete, forgetCopiesDeleted, copyMissing, copyNotADatabase, copyDamaged, copyNotWritable, copyInUse
    case cliCopiesRemain, copyText
    // One language per screen (CLI output), the room's records
    case noticeLineRestored, cliCriteriaCreated, cliCriteriaAdded, cliCriteriaOne, cliCriteriaMany, cliCriteriaVersion
    case cliColumnCriterion, cliColumnWeight, cliColumnDirection, cliColumnScale, cliColumnVeto, cliColumnDescription
    case cliWeightsNormalised, cliAHPLine, cliAHPConsistent, cliAHPInconsistent, cliScored, cliScoreRemoved
    case cliScoresImported, cliScoresOne, cliScoresMany, cliResultsIncomplete, noScores, cliSessionClosed
    case cliParticipantsOne, cliParticipantsMany, cliLineFields, cliLineNotParticipant, cliLineExcluded
    case cliLineIdeaNotInSession, cliLineNoCriterion, cliLineNotWhole, cliLineOutsideScale, cliLineSecondScore
    case cliLineEmpty, cliLineHeader, cliEventsOne, cliEventsMany, cliImportedExport, cliWouldImportExport, cliImportedCSV
    case cliWouldImportCSV, cliHeldBack, cliMerged, cliErased, cliLogRecordsOne, cliLogRecordsMany, cliStillMentioned
    case cliDoctorDatabase, cliDoctorIntegrity, cliDoctorIntegrityNow, cliDoctorNoDatabase, cliDoctorUnreadable
    case cliDoctorUnreadableNow, cliDoctorNone, cliDoctorBackups, cliDoctorLatest, cliDoctorRestored, cliDoctorKept
    case cliBenchHeading, cliBenchFigure, cliBenchMedian, cliBenchBudget, cliBenchUnit, cliBenchRuns, cliBenchOverBudget
    case minutesExcludedLine, minutesExcludedAfterRound
    case cliUsageCostAndBenefit, cliUsageNothingToChange, cliUsageNotNamePercent, cliUsageNameAllCriteria, cliUsageTwiceInOrder, cliUsageInconsistent
    case cliUsageScale, cliUsageQualified, cliUsageAmendedWithdrawn, cliUsageAmendedProposal, cliUsageUnknownLanguage, cliUsageNotIdeaID
    case cliUsageScoreAbstainClear, cliUsageNotCell, cliUsageExists, cliUsageBenchKeep, cliWrote
    case errorReplyDayOutside
    case cliUsageSentAndNotSent, cliUsageReplyWhat, cliUsageOnNeedsSent, cliUsageInboxOptions
    case importLine, importRecordWithID, importRecord, importTable, importMissing, importExpected, importNotWholeNumber
    case importNotFinite, importOutOfRange, importNotDay, importNotTimestamp, importUnknownValue, importDuplicateID, importDuplicateKey
    case importMissingReference, importNotJSON, importUnknownField, importUnknownTable, importFieldCount, importMissingColumn, importEmptyFile
    // Progress of long command-line work
    case progressImporting, progressGenerating, progressExporting, progressReporting, progressCopying, progressChecking
    case progressRows, progressIdeas, progressRecords, progressPages, progressSteps, progressRate
    // Learning: safe-to-try bounds, case notes, learning capacity, the council report (Strings+Learning.swift)
    case fieldBudget, fieldMaxDuration, fieldHarm, fieldSafeguard, fieldStopRule, errorInvalidBudget, errorInvalidDuration
    case errorPersonalDataInCase, errorEmptyCase, personalName, personalEmail, personalPhone, personalBSN, personalAddress
    case maskName, maskEmail, maskPhone, maskBSN, maskAddress, detailBounds, detailPastMaxDuration, detailRunsUntil
    case boundsBudgetText, boundsWeeks, boundsDays, boundsWeek, boundsDay, cliDuePastMaxDuration, detailCases
    case caseNotePublishable, caseNoteShows, cliCaseAdded, cliCaseNone, reportCases
    case learningTitle, learningStartsPerQuarter, learningToFirst, learningToLearning, learningLearningCards
    case learningThreeMeasurements, learningStopsWithLearning, learningReviewsOnTime, learningIntakeInTime
    case learningDays, learningNone, learningShare, quarterLabel
    case councilTitle, councilDate, councilIntro, councilChallenge, councilNoTheme, councilTried, councilLearned
    case councilDecided, councilNext, councilQuestions, councilNothingYet, councilStopped, councilRunning
    case councilScaling, councilDecisionLine, councilQuestionBounds, councilQuestionLearning, councilQuestionStops
    case councilQuestionNext, councilQuestionNoExperiment, councilChartStarts, councilChartShares, councilAxisQuarter
    case councilAxisCount, councilAxisPercent, councilLegendStarts, councilLegendShare, councilTarget, councilCases
    case councilFigures, councilDefinitions, councilBoundsLine, councilProposed, eventCaseNoted
    case councilTriedLine, councilLearnedLine, councilNextLearning, councilCaseLine, councilTargetStarts, councilTargetShare
    case cliCouncilReportOptions, fieldHappened, fieldShows, fieldPublishable, choiceYes, choiceNo, caseNoteTitle
    case helpAddCaseNote, helpMaskPersonalData, noticePersonalData, noticeNoPersonalData, messageCaseAdded
    // Participants
    case eventSessionShared, eventSharingStopped, errorLinkNotValid, errorLinkEnded, channelBoard, channelTerminal, channelWeb
    case channelCommandLine, channelUnrecorded, progressViaTerminal, progressViaWeb, minutesEntryTitle, minutesEntryNone
    case participantTitle, participantProgress, participantBlind, participantDone, participantRevealed, participantClosed
    case participantHint, participantBenefit, participantCost, participantSaved, participantCleared, contextParticipant
    case helpParticipantLeave, contextSharing, helpShare, helpStopSharing, helpNextLink, helpPreviousLink, helpBackToWeighing
    case shareTitle, shareLocal, shareNetwork, shareQRFor, shareHint, shareStopped, shareTooSmall, shareUnavailable, shareFailed
    case weighingSharing, pageTitle, pageScoringAs, pageProgress, pageClear, pageNotScored, pageScoreLabel, pageEndedTitle
    case pageNotValidTitle, pageNotFound, pageTooLarge, pageBadRequest, pageBusy, pageMethodNotAllowed, pageRefused
    case shareCannotListen, shareReasonInUse, shareReasonNotHere, shareNotStarted, serveStopHint
    case participantAbstained, participantExcludedNotice, participantNotInRound, pageExcludedTitle, pageAbstain, pageAbstained
    case pageNotInRound
    // Intake and lokale opgaven
    case eventAccepted, eventDeclined, eventReplyContact, eventReplied, eventChallengeChanged
    case errorNotInInbox, errorDeclineNeedsReason, errorAcceptNeedsTheme, errorNoIntake, errorChallengeNeedsName
    case errorChallengeExists, errorChallengeNotFound, errorChallengeNotFoundEmpty, errorChallengeInUse
    case intakeInbox, intakeAccepted, intakeMerged, intakeDeclined
    case cliAccepted, cliDeclined, cliReplyContact, cliReplySent, cliReplyNotSent, cliRepliesOwed, cliRepliesSent
    case cliColumnStatus, cliColumnReceived, cliColumnAnswerDue, cliColumnSent, cliColumnContact
    case cliChallengeAdded, cliChallengeSaved, cliChallengeRemoved, cliNoChallenges, cliColumnChallenge, cliColumnDataSource
    case cliDueTriage, cliValuesMarked
    case helpToggleInbox, helpAcceptIdea, helpDeclineIdea, helpMarkReplySent, messageInboxOn, messageInboxOff, messageNotInInbox
    case messageAccepted, messageDeclined, promptAccept, promptAcceptSuggesting, promptDecline, inboxFilterLabel
    case detailIntake, detailReplySent, detailReplyOwed, detailDeclineReason, detailIntakeLabel, detailReplyLabel, detailReceived
    // The room's fixes after a facilitator's review
    case weighingIncompleteOfOne, errorSessionIncompleteOne, cliSessionIncompleteOne, weighingConfirmCloseIncompleteOne
    case minutesIncompleteOne, participantDoneOne, participantRoundOnlyMarked, weighingTooFewToShow, weighingAgreementNoneOne
    // Fixes after the Dutch review at 80×24 (StringTable+IntakeFixes.swift)
    case hintCaseNote
    case undoBarrierAccept, undoBarrierDecline, undoBarrierReply
    // The portfolio's figures computed in the background (StringTable+Portfolio.swift)
    case portfolioComputing
    /// The day's backup, made in the background after the first frame, failed (StringTable+Portfolio.swift).
    case dailyBackupFailed
    /// The portfolio view shows the figures from before the last change while new ones are computed.
    case portfolioUpdating
    /// `--demo --data-dir DIR` on a directory that already holds ideas.
    case cliDemoBoardNotEmpty
    // A portfolio on a PostgreSQL server (StringTable+Postgres.swift)
    case postgresInvalidURL, postgresProblemWrongScheme, postgresProblemMissingHost, postgresProblemSeveralHosts
    case postgresProblemBadPort, postgresProblemBadEncoding, postgresProblemBadDatabase, postgresProblemFragment
    case postgresProblemUnknownParameter, postgresProblemRepeatedParameter, postgresProblemBadSSLMode
    case postgresProblemBadConnectTimeout, postgresPasswordFileTooOpen, postgresCannotConnect, postgresSchemaFromNewerVersion
    case postgresSchemaVersionUnreadable, postgresTooBusy, postgresServerError
    case postgresBackupOnServer, postgresCommitUnknown
    /// `info`: ideas declined at intake, counted apart from the board's columns.
    case cliInfoDeclined
    /// A move, reorder or merge of an idea declined at intake.
    case errorIdeaDeclined
    /// An import that would bring a stage past its hard WIP limit.
    case errorWipPassedByImport
    /// A CSV header's column that names no field of an idea.
    case cliWarningUnknownColumn
    // The command line's help, read by CLI's `HelpLanguage` (StringTable+Help.swift); every key starts with `cliHelp`.
    case cliHelpBenchAbstract, cliHelpBenchIdeas, cliHelpCommonFormat, cliHelpBenchKeep
    case cliHelpBenchFrameAbstract, cliHelpBenchFrameMemory, cliHelpBenchFramePhases, cliHelpBenchFrameFrameClock
    case cliHelpBenchFrameDailyBackup, cliHelpCaseAbstract, cliHelpCaseAddAbstract, cliHelpCommonId, cliHelpCaseAddText
    case cliHelpCaseAddShows, cliHelpCaseAddDate, cliHelpCaseAddPublishable, cliHelpCaseAddMask, cliHelpCaseListAbstract
    case cliHelpCaseListId, cliHelpChallengeAbstract, cliHelpChallengeDiscussion, cliHelpChallengeAddAbstract
    case cliHelpChallengeAddName, cliHelpChallengeAddDescription, cliHelpChallengeAddDataSource
    case cliHelpChallengeListAbstract, cliHelpChallengeListFormat, cliHelpChallengeEditAbstract
    case cliHelpChallengeEditName, cliHelpCommonRename, cliHelpCommonDescription, cliHelpChallengeEditDataSource
    case cliHelpChallengeRemoveAbstract, cliHelpChallengeRemoveName, cliHelpCriteriaAbstract
    case cliHelpCriteriaCreateAbstract, cliHelpCriteriaCreateSet, cliHelpCriteriaCreateValues
    case cliHelpCriteriaAddAbstract, cliHelpCommonSet, cliHelpCriteriaAddName, cliHelpCriteriaAddWeight
    case cliHelpCommonCost, cliHelpCriteriaAddScale, cliHelpCriteriaAddVeto, cliHelpCriteriaAddDescription
    case cliHelpCriteriaEditAbstract, cliHelpCommonName, cliHelpCriteriaEditWeight, cliHelpCriteriaEditScale
    case cliHelpCriteriaEditBenefit, cliHelpCriteriaEditVeto, cliHelpCriteriaRemoveAbstract, cliHelpCriteriaShowAbstract
    case cliHelpCriteriaListAbstract, cliHelpCriteriaWeightsAbstract, cliHelpCriteriaWeightsPercent
    case cliHelpCriteriaROCAbstract, cliHelpCriteriaROCOrder, cliHelpCriteriaAHPAbstract, cliHelpCriteriaAHPMatrix
    case cliHelpCriteriaAHPApply, cliHelpCriteriaAHPAcceptInconsistent, cliHelpDecisionAbstract
    case cliHelpDecisionNewAbstract, cliHelpDecisionNewKind, cliHelpDecisionNewProposal, cliHelpDecisionNewResponsible
    case cliHelpCommonReviewDate, cliHelpDecisionNewEvaluation, cliHelpDecisionObjectAbstract, cliHelpCommonDecision
    case cliHelpDecisionObjectWho, cliHelpDecisionObjectText, cliHelpDecisionJudgeAbstract, cliHelpCommonNumber
    case cliHelpDecisionJudgeQualified, cliHelpDecisionJudgeNotQualified, cliHelpDecisionResolveAbstract
    case cliHelpDecisionResolveAmended, cliHelpDecisionResolveProposal, cliHelpDecisionResolveWithdrawn
    case cliHelpDecisionConcernAbstract, cliHelpDecisionConcernWho, cliHelpDecisionConcernText
    case cliHelpDecisionConsentAbstract, cliHelpDecisionShowAbstract, cliHelpDecisionListAbstract
    case cliHelpDecisionListIdea, cliHelpMeasureAbstract, cliHelpMeasureAddAbstract, cliHelpMeasureAddDate
    case cliHelpMeasureAddValue, cliHelpMeasureAddNote, cliHelpMeasureImportAbstract, cliHelpCommonFile
    case cliHelpWipAbstract, cliHelpWipShowAbstract, cliHelpWipSetAbstract, cliHelpWipSetStage, cliHelpWipSetLimit
    case cliHelpWipSetHard, cliHelpDueAbstract, cliHelpDueWithin, cliHelpCommonNow, cliHelpGlobalOptionsDataDir
    case cliHelpGlobalOptionsLang, cliHelpAddAbstract, cliHelpAddTitle, cliHelpAddDescription, cliHelpAddTheme
    case cliHelpAddTags, cliHelpAddSource, cliHelpAddSubmitter, cliHelpAddInbox, cliHelpAddContact, cliHelpAddReceived
    case cliHelpListAbstract, cliHelpListStage, cliHelpCommonTheme, cliHelpListInbox, cliHelpListDeclined
    case cliHelpShowAbstract, cliHelpShowIncludePersonal, cliHelpMoveAbstract, cliHelpMoveDiscussion, cliHelpMoveStage
    case cliHelpMoveReason, cliHelpMoveOverride, cliHelpMoveHypothesis, cliHelpMoveAction, cliHelpMoveMetric
    case cliHelpMoveSuccess, cliHelpMoveOwner, cliHelpMoveBudget, cliHelpMoveMaxDuration, cliHelpMoveHarm
    case cliHelpMoveSafeguard, cliHelpMoveStopRule, cliHelpMoveObserved, cliHelpMoveLearned, cliHelpMoveTherefore
    case cliHelpMoveCategory, cliHelpMoveDecision, cliHelpMoveProposal, cliHelpMoveResponsible, cliHelpMoveEvaluation
    case cliHelpMoveConsent, cliHelpEditAbstract, cliHelpEditTitle, cliHelpEditDescription, cliHelpEditTheme
    case cliHelpEditTags, cliHelpEditSource, cliHelpEditSubmitter, cliHelpHistoryAbstract, cliHelpHistoryIncludePersonal
    case cliHelpDemoAbstract, cliHelpDemoForce, cliHelpDemoIdeas, cliHelpInfoAbstract, cliHelpKeysAbstract
    case cliHelpAcceptAbstract, cliHelpAcceptTheme, cliHelpDeclineAbstract, cliHelpDeclineReason, cliHelpReplyAbstract
    case cliHelpReplyTo, cliHelpReplySent, cliHelpReplyOn, cliHelpReplyNotSent, cliHelpReplyListAbstract
    case cliHelpReplyListDiscussion, cliHelpReplyListWithContacts, cliHelpReportAbstract, cliHelpReportFormat
    case cliHelpCommonOutput, cliHelpCommonForce, cliHelpReportSince, cliHelpReportNow, cliHelpCommonIncludePersonal
    case cliHelpReportAudience, cliHelpExportAbstract, cliHelpExportFormat, cliHelpExportCsvDialect
    case cliHelpImportAbstract, cliHelpImportFile, cliHelpImportDryRun, cliHelpMergeAbstract, cliHelpMergeId
    case cliHelpMergeInto, cliHelpForgetAbstract, cliHelpForgetSubmitter, cliHelpForgetDeleteUnrewritableCopies
    case cliHelpBackupAbstract, cliHelpBackupOutput, cliHelpDoctorAbstract, cliHelpDoctorRestore, cliHelpDoctorFrom
    case cliHelpListenOptionsListen, cliHelpSessionJoinAbstract, cliHelpSessionJoinDiscussion, cliHelpCommonSession
    case cliHelpSessionJoinName, cliHelpSessionServeAbstract, cliHelpSessionServeDiscussion, cliHelpRootAbstract
    case cliHelpRootDiscussion, cliHelpCommonDemo, cliHelpRootNoMouse, cliHelpBoardAbstract, cliHelpBoardNoMouse
    case cliHelpSessionAbstract, cliHelpSessionNewAbstract, cliHelpSessionNewSet, cliHelpSessionNewIdeas
    case cliHelpSessionNewParticipants, cliHelpSessionScoreAbstract, cliHelpSessionScoreParticipant, cliHelpCommonIdea
    case cliHelpCommonCriterion, cliHelpSessionScoreScore, cliHelpSessionScoreClear, cliHelpSessionScoreAbstain
    case cliHelpSessionImportAbstract, cliHelpSessionImportDiscussion, cliHelpSessionImportAddParticipants
    case cliHelpSessionParticipantAbstract, cliHelpSessionParticipantAddAbstract, cliHelpSessionParticipantAddName
    case cliHelpSessionParticipantExcludeAbstract, cliHelpSessionParticipantExcludeName
    case cliHelpSessionParticipantExcludeReason, cliHelpSessionNoteAbstract, cliHelpSessionNoteText
    case cliHelpSessionRevoteAbstract, cliHelpSessionRevoteCells, cliHelpSessionResultsAbstract
    case cliHelpSessionResultsMethod, cliHelpSessionResultsNormalization, cliHelpSessionResultsAggregate
    case cliHelpSessionCloseAbstract, cliHelpSessionCloseAllowIncomplete, cliHelpSessionListAbstract
    case cliHelpSessionMinutesAbstract, cliHelpSessionMinutesFormat, cliHelpSessionMinutesOutput
    // A lost connection to the database server
    case offlineLabel, offlineNotice, messageReconnected
    case cliHelpGlobalOptionsDatabase
    case cliDemoDatabaseNotEmpty
    case cliDoctorServerRestore, cliDoctorServerBackups
    case migrateNoLocalPortfolio, migrateCopyDiffers, cliMigrated, cliMigratedNext, cliHelpMigrateAbstract, cliHelpMigrateTo
    case cliHelpBenchDiscussion, cliUsageBenchKeepServer
    case postgresCannotConnectBecause, postgresReasonRefused, postgresReasonSilent, postgresReasonLost, postgresReasonNoTLS
    case postgresReasonNeedsPassword, postgresReasonWrongPassword, postgresReasonNoDatabase, postgresReasonNoRole
    case cliInfoUnreachable, migrateServerNotEmpty, migrateWrittenMeanwhile
    case postgresReadOnly, offlineNotSaved
    case cliHelpBenchFrameFigures
    // The programs that record changes, as people read them
    case programBoard, programCommandLine, programParticipantTerminal, programParticipantPage, programMigrate, programBench
    // A refused change whose form keeps what was typed
    case conflictKeptEdit, conflictKeptMove
    case helpScrollTop, helpScrollEnd
    case noticeOverWipLimit
}
