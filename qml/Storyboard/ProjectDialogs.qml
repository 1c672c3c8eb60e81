// ProjectDialogs: the file dialogs of the storyboard (new, open, save as, import, export).
import QtQuick
import QtQuick.Dialogs

Item {
    id: dialogs
    required property var viewModel

    function newProject() { newDialog.open() }
    function openProject() { openDialog.open() }
    function saveAs() { saveAsDialog.open() }
    function importFile() { importDialog.open() }
    function exportJson() { exportDialog.open() }

    FileDialog {
        id: newDialog
        title: qsTr("New project")
        acceptLabel: qsTr("Create")
        fileMode: FileDialog.SaveFile
        defaultSuffix: "kinora"
        nameFilters: [qsTr("Kinora projects (*.kinora)")]
        onAccepted: dialogs.viewModel.newProject(selectedFile)
    }
    FileDialog {
        id: openDialog
        title: qsTr("Open project")
        fileMode: FileDialog.OpenFile
        nameFilters: [qsTr("Kinora projects (*.kinora)")]
        onAccepted: dialogs.viewModel.openProject(selectedFile)
    }
    FileDialog {
        id: saveAsDialog
        title: qsTr("Save project as")
        acceptLabel: qsTr("Save")
        fileMode: FileDialog.SaveFile
        defaultSuffix: "kinora"
        nameFilters: [qsTr("Kinora projects (*.kinora)")]
        onAccepted: dialogs.viewModel.saveAs(selectedFile)
    }
    FileDialog {
        id: importDialog
        title: qsTr("Import screenplay or storyboard")
        fileMode: FileDialog.OpenFile
        nameFilters: [qsTr("Screenplays and storyboards (*.fountain *.json *.kinora)")]
        onAccepted: dialogs.viewModel.importFile(selectedFile)
    }
    FileDialog {
        id: exportDialog
        title: qsTr("Export storyboard as JSON")
        acceptLabel: qsTr("Export")
        fileMode: FileDialog.SaveFile
        defaultSuffix: "json"
        nameFilters: [qsTr("Kinora storyboard (*.json)")]
        onAccepted: dialogs.viewModel.exportJson(selectedFile)
    }
}
