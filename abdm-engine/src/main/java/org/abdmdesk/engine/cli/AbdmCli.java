package org.abdmdesk.engine.cli;

public final class AbdmCli {
    public static void main(String[] args) {
    }
}
