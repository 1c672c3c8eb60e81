// Main: the studio window: menus, navigation between the five areas, error banner, dialogs.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Kinora.Controls
import Kinora.Storyboard
import Kinora.Timeline
import Kinora.Export

ApplicationWindow {
    id: window
    objectName: "mainWindow"
    property string initialProject
    readonly property bool projectOpen: storyboard.isOpen
    width: 1440
    height: 880
    minimumWidth: 960
    minimumHeight: 600
    visible: true
    color: Theme.background
    title: storyboard.isOpen ? qsTr("%1 — Kinora Studio").arg(storyboard.projectName) : qsTr("Kinora Studio")

    palette.window: Theme.background
    palette.windowText: Theme.text
    palette.base: Theme.surfaceRaised
    palette.alternateBase: Theme.surface
    palette.text: Theme.text
    palette.button: Theme.surfaceRaised
    palette.buttonText: Theme.text
    palette.highlight: Theme.accent
    palette.highlightedText: Theme.accentText
    palette.placeholderText: Theme.textMuted
    palette.mid: Theme.border
    palette.dark: Theme.border
    palette.light: Theme.surface
    palette.toolTipBase: Theme.surfaceRaised
    palette.toolTipText: Theme.text

    StoryboardViewModel { id: storyboard }

    Component.onCompleted: if (initialProject.length > 0) storyboard.openProject("file://" + initialProject)
    onClosing: storyboard.flush(10000)

    menuBar: MenuBar {
        Menu {
            title: qsTr("&File")
            MenuItem { text: qsTr("New Project…  (Ctrl+N)"); onTriggered: dialogs.newProject() }
            MenuItem { text: qsTr("Open Project…  (Ctrl+O)"); onTriggered: dialogs.openProject() }
            Menu {
                id: recentMenu
                title: qsTr("Open Recent")
                enabled: storyboard.recentProjects.length > 0
                Repeater {
                    model: storyboard.recentProjects
                    MenuItem {
                        required property string modelData
                        text: modelData
                        onTriggered: storyboard.openProject("file://" + modelData)
                    }
                }
            }
            MenuItem { text: qsTr("Save As…  (Ctrl+Shift+S)"); enabled: storyboard.isOpen; onTriggered: dialogs.saveAs() }
            MenuSeparator {}
            MenuItem { text: qsTr("Import Screenplay or Storyboard…  (Ctrl+I)"); enabled: storyboard.isOpen; onTriggered: dialogs.importFile() }
            MenuItem { text: qsTr("Export Storyboard JSON…  (Ctrl+E)"); enabled: storyboard.isOpen; onTriggered: dialogs.exportJson() }
            MenuSeparator {}
            MenuItem { text: qsTr("Close Project  (Ctrl+W)"); enabled: storyboard.isOpen; onTriggered: storyboard.closeProject() }
            MenuItem { text: qsTr("Quit  (Ctrl+Q)"); onTriggered: window.close() }
        }
        Menu {
            title: qsTr("&Edit")
            MenuItem { text: qsTr("Undo %1  (Ctrl+Z)").arg(storyboard.undoStack.undoText); enabled: storyboard.undoStack.canUndo; onTriggered: storyboard.undo() }
            MenuItem { text: qsTr("Redo %1  (Ctrl+Shift+Z)").arg(storyboard.undoStack.redoText); enabled: storyboard.undoStack.canRedo; onTriggered: storyboard.redo() }
            MenuSeparator {}
            MenuItem { text: qsTr("Add Shot  (Ctrl+Return)"); enabled: storyboard.isOpen; onTriggered: storyboard.addShot() }
            MenuItem { text: qsTr("Duplicate Shots  (Ctrl+D)"); enabled: storyboard.isOpen; onTriggered: storyboard.duplicateSelected() }
            MenuItem { text: qsTr("Delete Shots  (Delete)"); enabled: storyboard.isOpen; onTriggered: storyboard.deleteSelected() }
            MenuItem { text: qsTr("Select All Shots  (Ctrl+A)"); enabled: storyboard.isOpen; onTriggered: storyboard.shots.selectAll() }
        }
        Menu {
            title: qsTr("&View")
            Repeater {
                model: rail.areas
                MenuItem {
                    required property int index
                    required property var modelData
                    text: modelData.name + "  (Ctrl+" + (index + 1) + ")"
                    onTriggered: rail.currentIndex = index
                }
            }
            MenuSeparator {}
            MenuItem { text: qsTr("Dark Theme"); checkable: true; checked: Theme.dark; onTriggered: Theme.dark = checked }
        }
        Menu {
            title: qsTr("&Help")
            MenuItem { text: qsTr("Keyboard Shortcuts  (F1)"); onTriggered: shortcutsDialog.open() }
        }
    }

    RowLayout {
        anchors.fill: parent
        spacing: 0
        NavigationRail {
            id: rail
            Layout.fillHeight: true
        }
        Rectangle { Layout.fillHeight: true; width: 1; color: Theme.border }
        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: 0
            Banner {
                objectName: "errorBanner"
                Layout.fillWidth: true
                Layout.margins: visible ? 8 : 0
                text: storyboard.errorMessage
                onDismissed: storyboard.clearError()
            }
            StackLayout {
                Layout.fillWidth: true
                Layout.fillHeight: true
                currentIndex: rail.currentIndex
                StoryboardPage {
                    id: storyboardPage
                    viewModel: storyboard
                    onNewRequested: dialogs.newProject()
                    onOpenRequested: dialogs.openProject()
                }
                TimelinePage {
                    id: timelinePage
                    storyboard: storyboard
                }
                PlaceholderPage {
                    heading: qsTr("Cameo")
                    description: qsTr("Record a short webcam clip, pass a liveness check and decide who may use your likeness.")
                }
                PlaceholderPage {
                    heading: qsTr("Feed")
                    description: qsTr("Profiles, follows, the following and for-you feeds, likes and remixes.")
                }
                ExportPage {
                    id: exportPage
                    storyboard: storyboard
                }
            }
        }
    }

    BusyIndicator {
        anchors.centerIn: parent
        running: storyboard.busy
        visible: running
    }

    ProjectDialogs { id: dialogs; viewModel: storyboard }

    Dialog {
        id: shortcutsDialog
        title: qsTr("Keyboard shortcuts")
        anchors.centerIn: parent
        width: 560
        modal: true
        standardButtons: Dialog.Close
        ColumnLayout {
            anchors.fill: parent
            Repeater {
                model: [[qsTr("New / open project"), "Ctrl+N, Ctrl+O"], [qsTr("Save as"), "Ctrl+Shift+S"],
                        [qsTr("Import screenplay / export JSON"), "Ctrl+I, Ctrl+E"],
                        [qsTr("Switch area"), "Ctrl+1 … Ctrl+5"]].concat(storyboardPage.shortcutList).concat(timelinePage.shortcutList)
                RowLayout {
                    required property var modelData
                    Label { text: modelData[0]; Layout.fillWidth: true; color: Theme.text }
                    Label { text: modelData[1]; color: Theme.accent }
                }
            }
        }
    }

    Shortcut { sequence: "Ctrl+N"; onActivated: dialogs.newProject() }
    Shortcut { sequence: "Ctrl+O"; onActivated: dialogs.openProject() }
    Shortcut { sequence: "Ctrl+Shift+S"; enabled: storyboard.isOpen; onActivated: dialogs.saveAs() }
    Shortcut { sequence: "Ctrl+I"; enabled: storyboard.isOpen; onActivated: dialogs.importFile() }
    Shortcut { sequence: "Ctrl+E"; enabled: storyboard.isOpen; onActivated: dialogs.exportJson() }
    Shortcut { sequence: "Ctrl+W"; enabled: storyboard.isOpen; onActivated: storyboard.closeProject() }
    Shortcut { sequence: "Ctrl+Q"; onActivated: window.close() }
    Shortcut { sequence: "F1"; onActivated: shortcutsDialog.open() }
    Shortcut { sequences: ["Ctrl+1"]; onActivated: rail.currentIndex = 0 }
    Shortcut { sequences: ["Ctrl+2"]; onActivated: rail.currentIndex = 1 }
    Shortcut { sequences: ["Ctrl+3"]; onActivated: rail.currentIndex = 2 }
    Shortcut { sequences: ["Ctrl+4"]; onActivated: rail.currentIndex = 3 }
    Shortcut { sequences: ["Ctrl+5"]; onActivated: rail.currentIndex = 4 }
}
