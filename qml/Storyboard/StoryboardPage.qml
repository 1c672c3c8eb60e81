// StoryboardPage: header, shot strip and shot editor, with the storyboard's keyboard shortcuts.
// Without an open project it shows the start panel.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Kinora.Controls

Rectangle {
    id: page
    objectName: "storyboardPage"
    required property var viewModel
    signal newRequested()
    signal openRequested()
    color: Theme.background

    readonly property var shortcutList: [
        [qsTr("Add shot after the current one"), "Ctrl+Return, Insert"],
        [qsTr("Duplicate selected shots"), "Ctrl+D"],
        [qsTr("Delete selected shots"), "Delete"],
        [qsTr("Move selected shots left / right"), "Alt+Left, Alt+Right"],
        [qsTr("Select all shots"), "Ctrl+A (in the strip)"],
        [qsTr("Previous / next shot (Shift extends the selection)"), "Left, Right, Up, Down"],
        [qsTr("Edit the current shot's prompt"), "F2"],
        [qsTr("Back to the shot strip"), "Esc"],
        [qsTr("Generate selected shots / all shots"), "Ctrl+G, Ctrl+Shift+G"],
        [qsTr("Undo / redo"), "Ctrl+Z, Ctrl+Shift+Z (or Ctrl+Y)"]
    ]

    function focusStrip() { strip.forceActiveFocus() }

    StartPanel {
        anchors.fill: parent
        visible: !page.viewModel.isOpen
        viewModel: page.viewModel
        onNewRequested: page.newRequested()
        onOpenRequested: page.openRequested()
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0
        visible: page.viewModel.isOpen

        StoryboardHeader {
            Layout.fillWidth: true
            viewModel: page.viewModel
        }
        Rectangle { Layout.fillWidth: true; height: 1; color: Theme.border }
        RowLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: 0

            ColumnLayout {
                Layout.fillWidth: true
                Layout.fillHeight: true
                spacing: 0
                ToolBar {
                    Layout.fillWidth: true
                    background: Rectangle { color: Theme.background }
                    RowLayout {
                        IconButton { objectName: "addShotButton"; text: qsTr("+ Add shot"); tip: "Ctrl+Return"; onClicked: page.viewModel.addShot() }
                        IconButton { text: qsTr("Duplicate"); tip: "Ctrl+D"; enabled: page.viewModel.shots.count > 0; onClicked: page.viewModel.duplicateSelected() }
                        IconButton { objectName: "deleteShotButton"; text: qsTr("Delete"); tip: "Delete"; enabled: page.viewModel.shots.count > 0; onClicked: page.viewModel.deleteSelected() }
                        IconButton { text: "◀"; tip: qsTr("Move left (Alt+Left)"); onClicked: page.viewModel.moveSelected(-1) }
                        IconButton { text: "▶"; tip: qsTr("Move right (Alt+Right)"); onClicked: page.viewModel.moveSelected(1) }
                        ToolSeparator {}
                        IconButton {
                            objectName: "undoButton"
                            text: qsTr("Undo")
                            enabled: page.viewModel.undoStack.canUndo
                            tip: qsTr("Undo %1 (Ctrl+Z)").arg(page.viewModel.undoStack.undoText)
                            onClicked: page.viewModel.undo()
                        }
                        IconButton {
                            objectName: "redoButton"
                            text: qsTr("Redo")
                            enabled: page.viewModel.undoStack.canRedo
                            tip: qsTr("Redo %1 (Ctrl+Shift+Z)").arg(page.viewModel.undoStack.redoText)
                            onClicked: page.viewModel.redo()
                        }
                        ToolSeparator {}
                        IconButton {
                            objectName: "generateButton"
                            text: qsTr("Generate")
                            tip: qsTr("Generate the selected shots (Ctrl+G)")
                            enabled: page.viewModel.shots.count > 0
                            onClicked: page.viewModel.generation.generateSelected()
                        }
                        IconButton {
                            text: qsTr("Generate all")
                            tip: qsTr("Generate every shot (Ctrl+Shift+G)")
                            enabled: page.viewModel.shots.count > 0
                            onClicked: page.viewModel.generation.generateAll()
                        }
                        IconButton {
                            objectName: "cancelJobButton"
                            text: qsTr("Cancel")
                            tip: qsTr("Stop generating the current shot")
                            enabled: page.viewModel.generation.activeJobs > 0
                            onClicked: page.viewModel.generation.cancel(page.viewModel.currentShot.id)
                        }
                        IconButton {
                            objectName: "pauseButton"
                            text: page.viewModel.generation.paused ? qsTr("Resume queue") : qsTr("Pause queue")
                            tip: qsTr("The shot being generated finishes; the next ones wait")
                            onClicked: page.viewModel.generation.paused = !page.viewModel.generation.paused
                        }
                        IconButton {
                            id: queueButton
                            objectName: "queueButton"
                            visible: page.viewModel.generation.activeJobs > 0
                            text: qsTr("%1 in the queue").arg(page.viewModel.generation.activeJobs)
                            tip: qsTr("Show the queue: reorder or cancel waiting shots")
                            onClicked: queuePopup.opened ? queuePopup.close() : queuePopup.open()
                            QueuePopup {
                                id: queuePopup
                                viewModel: page.viewModel
                                y: queueButton.height + 4
                            }
                        }
                        Label {
                            visible: page.viewModel.shots.selectedCount > 1
                            text: qsTr("%1 selected").arg(page.viewModel.shots.selectedCount)
                            color: Theme.accent
                        }
                    }
                }
                ShotStrip {
                    id: strip
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    Layout.margins: 6
                    viewModel: page.viewModel
                    Keys.onPressed: event => {
                        if (event.key === Qt.Key_A && (event.modifiers & Qt.ControlModifier)) {
                            page.viewModel.shots.selectAll()
                            event.accepted = true
                        } else if (event.key === Qt.Key_Delete || event.key === Qt.Key_Backspace) {
                            page.viewModel.deleteSelected()
                            event.accepted = true
                        } else if (event.key === Qt.Key_F2) {
                            editor.focusPrompt()
                            event.accepted = true
                        }
                    }
                }
            }
            Rectangle { Layout.fillHeight: true; width: 1; color: Theme.border }
            ShotEditor {
                id: editor
                Layout.preferredWidth: 420
                Layout.fillHeight: true
                viewModel: page.viewModel
                Keys.onEscapePressed: strip.forceActiveFocus()
            }
        }
    }

    Shortcut {
        sequences: ["Ctrl+Return", "Ctrl+Enter", "Insert"]
        enabled: page.viewModel.isOpen
        onActivated: { page.viewModel.addShot(); strip.forceActiveFocus() }
    }
    Shortcut {
        sequence: "Ctrl+G"
        enabled: page.viewModel.isOpen
        onActivated: page.viewModel.generation.generateSelected()
    }
    Shortcut {
        sequence: "Ctrl+Shift+G"
        enabled: page.viewModel.isOpen
        onActivated: page.viewModel.generation.generateAll()
    }
    Shortcut {
        sequence: "Ctrl+D"
        enabled: page.viewModel.isOpen
        onActivated: page.viewModel.duplicateSelected()
    }
    Shortcut {
        sequence: "Alt+Left"
        enabled: page.viewModel.isOpen
        onActivated: page.viewModel.moveSelected(-1)
    }
    Shortcut {
        sequence: "Alt+Right"
        enabled: page.viewModel.isOpen
        onActivated: page.viewModel.moveSelected(1)
    }
    Shortcut {
        sequences: [StandardKey.Undo]
        enabled: page.viewModel.isOpen
        onActivated: page.viewModel.undo()
    }
    Shortcut {
        sequences: ["Ctrl+Shift+Z", "Ctrl+Y"]
        enabled: page.viewModel.isOpen
        onActivated: page.viewModel.redo()
    }
}
