/// Every user-facing text of the interface; both languages must define every key (a test checks).
public enum StringKey: String, CaseIterable, Sendable {
    // Stages and sources
    case stageProposed, stageExperimenting, stageLearning, stageScaling, stageStopped
    case sourceResident, sourceProfessional, sourcePartner, sourceInternal, sourceNone
    // Board
    case appName, ideaCount, filterLabel, moreAbove, moreBelow, emptyColumn, noMatches
    case footerHints, footerNarrowHints, tooSmall, tooSmallHint, loading
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
    case formNewTitle, formEditTitle, formHint
    case fieldTitle, fieldDescription, fieldTheme, fieldTags, fieldSource, fieldSubmitter
    // Detail
    case detailStage, detailTheme, detailTags, detailSource, detailSubmitter, detailCreated, detailUpdated
    case detailDescription, detailHistory, detailHint, detailNoDescription, detailPosition
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
    case decisionHint, decisionListHint, entryHint
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
    case portfolioOverdue, portfolioStale, portfolioDays, portfolioHint, portfolioNone
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
    case errorChangedSinceUndo, errorChangedSince, errorChangedSinceWho, errorNoObjection
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
}
